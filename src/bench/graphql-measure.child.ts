import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { print } from 'graphql';
import type { RunningApp } from '../app';
import { FinancialDashboardDocument } from '../schema/__generated__/operations';
import { buildAppSchema } from '../schema/build-schema';
import { profileFinancialKpis } from './graphql-profile.bench';
import { type BenchServer, startBareGraphqlServer, startBenchApp, viewerKey } from './graphql-servers.bench';
import { noDeadline } from '../core/deadline';
import { runBenchChild } from './bench-child';

/** One autocannon run as the parent reports it; CPU counts this process: servers and load generator. */
export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly cpuMsPerRequest: number;
}

export interface GraphqlMeasurement {
  readonly appFixed: LoadFigures;
  readonly bareFixed: LoadFigures;
  readonly appPaced: LoadFigures;
  readonly barePaced: LoadFigures;
  readonly uncachedMedianMs: number;
}

type Target = { url: string; headers: Record<string, string> };
const seconds = Number(process.env.BENCH_GRAPHQL_SECONDS ?? 10);
const fixed = { connections: 10 };
const paced = { connections: 10, overallRate: 500 };

async function post(target: Target, body: string): Promise<string> {
  return (await fetch(target.url, { method: 'POST', headers: target.headers, body })).text();
}

async function measure(server: string, target: Target, body: string, options: Partial<autocannon.Options>): Promise<LoadFigures> {
  const settings = options.overallRate ? `${options.overallRate} requests/s` : `${options.connections} connections`;
  console.log(`  ${server}, ${settings}, ${seconds} s after a 2 s warm-up (load average ${loadavg()[0]!.toFixed(1)})`);
  await autocannon({ ...target, method: 'POST', body, duration: 2, ...options });
  const cpu = process.cpuUsage();
  const result = await autocannon({ ...target, method: 'POST', body, duration: seconds, ...options });
  const { user, system } = process.cpuUsage(cpu);
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${server}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  const figures = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    cpuMsPerRequest: (user + system) / 1_000 / result.requests.total,
  };
  console.log(
    `    ${Math.round(figures.requestsPerSecond)} requests/s, latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms, ${figures.cpuMsPerRequest.toFixed(2)} ms of CPU per request`,
  );
  return figures;
}

async function uncachedMedian(app: RunningApp, target: Target, body: string): Promise<number> {
  const cache = app.schemaServices.kpiCache;
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    cache.clear();
    const started = performance.now();
    await post(target, body);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`    uncached: median ${samples[10]!.toFixed(1)} ms, slowest ${samples.at(-1)!.toFixed(1)} ms`);
  return samples[10]!;
}

/** argv: the DATA_DIR holding events.sqlite, the period's from and to. */
async function main(): Promise<void> {
  const [dataDir, from, to] = process.argv.slice(2) as [string, string, string];
  const period = { from, to };
  let app: RunningApp | null = null;
  let bare: BenchServer | null = null;
  try {
    console.log(`  starting the composed app (NODE_ENV=${process.env.NODE_ENV}); the read models catch up with the log`);
    const started = await startBenchApp(dataDir);
    app = started.app;
    const { schemaServices: services, platform } = app;
    const principal = { keyId: 'bench', name: 'bench viewer', role: 'VIEWER' as const };
    bare = await startBareGraphqlServer(await buildAppSchema(), (correlationId) => ({ services, platform, principal, requestId: correlationId, correlationId, deadline: noDeadline }));
    const body = JSON.stringify({ query: print(FinancialDashboardDocument), variables: { period } });
    const appTarget = { url: `${app.url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${await viewerKey(app, started.adminKey)}` } };
    const bareTarget = { url: `${bare.url}/graphql`, headers: { 'content-type': 'application/json' } };
    const [fromApp, fromBare] = await Promise.all([post(appTarget, body), post(bareTarget, body)]);
    const alike = JSON.stringify(JSON.parse(fromApp)) === JSON.stringify(JSON.parse(fromBare));
    if (fromApp.includes('"errors"') || !alike) throw new Error(`The app and bare graphql-js must answer alike and without errors: ${fromApp.slice(0, 500)}`);

    console.log(`  the financial dashboard for ${from} to ${to}, ${fromApp.length.toLocaleString('en')} bytes; KPI cache cleared before each request:`);
    const uncachedMedianMs = await uncachedMedian(app, appTarget, body);
    await profileFinancialKpis(services, period);
    const measurement: GraphqlMeasurement = {
      appFixed: await measure('app (Apollo, API key, limits)', appTarget, body, fixed),
      bareFixed: await measure('bare graphql-js', bareTarget, body, fixed),
      appPaced: await measure('app (Apollo, API key, limits)', appTarget, body, paced),
      barePaced: await measure('bare graphql-js', bareTarget, body, paced),
      uncachedMedianMs,
    };
    process.send!(measurement);
  } finally {
    await bare?.close();
    await app?.stop();
  }
}

runBenchChild(main);
