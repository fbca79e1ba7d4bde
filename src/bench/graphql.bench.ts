import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { HistoryOptions } from '../demo/generate-history';
import { type BenchResult, benchResult } from './bench-result';
import type { GraphqlMeasurement } from './graphql-measure.child';
import { fillEventStore } from './projections-fill.bench';

/** One year of the five-consultant demo firm (`BENCH_GRAPHQL_SCALE` grows it). */
const history: HistoryOptions = { seed: 2025, consultants: 5, years: 1, startDate: '2025-01-01', scale: Number(process.env.BENCH_GRAPHQL_SCALE ?? 1) };
/** The dashboard a finance lead opens: the year's last month. */
const period = { from: '2025-12-01', to: '2026-01-01' };

/**
 * Throughput and p99 of the financial dashboard query through the composed app (Apollo, API-key
 * auth, limits) against the same query executed by bare graphql-js on the same schema and context,
 * with the same autocannon settings, in-process: 10 connections, then a fixed 500 requests/s. The
 * measurement runs in a child with NODE_ENV=production, as deployed (graphql-js drops its
 * development checks then).
 */
export async function benchGraphql(): Promise<BenchResult[]> {
  const directory = mkdtempSync(join(tmpdir(), 'zixly-bench-graphql-'));
  try {
    console.log(`  one year of demo history (seed ${history.seed}, scale ${history.scale}) into ${directory}`);
    const fill = await fillEventStore(join(directory, 'events.sqlite'), history);
    console.log(`    ${fill.events.toLocaleString('en')} events from ${fill.commands.toLocaleString('en')} commands in ${fill.seconds.toFixed(1)} s`);
    return results(await measureInChild(directory));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function results(m: GraphqlMeasurement): BenchResult[] {
  const name = 'graphql: financial dashboard';
  return [
    benchResult(`${name}, 10 connections, vs bare graphql-js on the same schema`, m.appFixed.requestsPerSecond, 'requests/s', m.bareFixed.requestsPerSecond, '>= 50% of baseline'),
    benchResult(`${name} p99 at 500 requests/s, vs bare graphql-js`, m.appPaced.p99Ms, 'ms', m.barePaced.p99Ms, '< 25 ms'),
    benchResult(`${name} requests/s reached at 500 requests/s, vs bare graphql-js`, m.appPaced.requestsPerSecond, 'requests/s', m.barePaced.requestsPerSecond),
    benchResult(`${name}, CPU per request at 10 connections (servers + load generator), vs bare`, m.appFixed.cpuMsPerRequest, 'ms', m.bareFixed.cpuMsPerRequest),
    benchResult(`${name} uncached (KPI cache cleared), median of 20, vs p50 cached at 10 connections`, m.uncachedMedianMs, 'ms', m.appFixed.p50Ms),
  ];
}

function measureInChild(dataDir: string): Promise<GraphqlMeasurement> {
  const child = fork(join(__dirname, `graphql-measure.child${extname(__filename)}`), [dataDir, period.from, period.to], {
    env: { ...process.env, NODE_ENV: 'production', WORKFLOWS_ENABLED: 'false' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let measurement: GraphqlMeasurement | null = null;
    child.on('message', (message) => (measurement = message as GraphqlMeasurement));
    child.on('error', reject);
    child.on('exit', (code) => (measurement ? resolve(measurement) : reject(new Error(`The GraphQL measurement exited with code ${code} without a result`))));
  });
}
