import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { randomId } from '../core/ids';
import { linkClients } from '../reliability/support/app-readiness';
import { graphqlData } from '../reliability/support/graphql-call';
import { type BenchResult, benchResult } from './bench-result';
import { conversationCreatedBody, signedChatwootDelivery } from './ingest-delivery.builder';
import { benchClient } from './ingest-servers.bench';
import { chatwootRequests, runLoad } from './ingest-throughput.bench';

const seconds = Number(process.env.BENCH_FLEET_SECONDS ?? 8);
const connections = 10;
const freshnessSamples = Number(process.env.BENCH_FLEET_SAMPLES ?? 60);

interface Topology {
  readonly name: string;
  readonly apis: number;
  /** Null: one process runs everything (PROCESSORS unset). */
  readonly workers: number | null;
}

interface TopologyFigures {
  readonly acceptedPerSecond: number;
  readonly freshnessP50Ms: number;
  readonly freshnessP99Ms: number;
}

/**
 * The fleet on one shared DATA_DIR (SQLite, change signal on): signed Chatwoot deliveries accepted
 * per second, spread over the API processes, and freshness — from a mutation's answer on the first
 * API process to the consultant being readable on the last — for one process, 1 API + 1 worker and
 * 2 API + 1 worker, each on a fresh store, all in the same run.
 */
export async function benchFleet(): Promise<BenchResult[]> {
  const single = await measure({ name: 'one process', apis: 1, workers: null });
  const oneApi = await measure({ name: '1 API + 1 worker', apis: 1, workers: 1 });
  const twoApis = await measure({ name: '2 API + 1 worker', apis: 2, workers: 1 });
  const name = 'fleet on shared SQLite';
  return [
    benchResult(`${name}: deliveries accepted (2xx) by 1 API process beside 1 worker process, ${connections} connections, vs one process`, oneApi.acceptedPerSecond, 'deliveries/s', single.acceptedPerSecond),
    benchResult(`${name}: deliveries accepted (2xx) by 2 API processes beside 1 worker process, ${connections} connections spread, vs one process`, twoApis.acceptedPerSecond, 'deliveries/s', single.acceptedPerSecond),
    benchResult(`${name}: freshness p50, mutation answered by API 1 to readable on API 2 (projected by the worker), vs one process`, twoApis.freshnessP50Ms, 'ms', single.freshnessP50Ms),
    benchResult(`${name}: freshness p99, mutation answered by API 1 to readable on API 2 (projected by the worker), vs one process`, twoApis.freshnessP99Ms, 'ms', single.freshnessP99Ms),
    benchResult(`${name}: freshness p99, mutation answered by the API to readable on it (projected by the worker), vs one process`, oneApi.freshnessP99Ms, 'ms', single.freshnessP99Ms),
  ];
}

async function measure(topology: Topology): Promise<TopologyFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zixly-bench-fleet-'));
  const secret = `bench-chatwoot-${randomId()}`;
  const adminKey = `zx_bench_admin_${randomId().replaceAll('-', '')}`;
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PORT: '0', WORKFLOWS_ENABLED: 'false', WEBHOOK_SECRET_CHATWOOT: secret, ZIXLY_ADMIN_KEY: adminKey, EVENTSTORE_URL: '', MONGODB_URL: '' };
  const processes: Started[] = [];
  try {
    for (let index = 0; index < (topology.workers ?? 0); index++) processes.push(await startProcess('worker', { ...env, PROCESSORS: 'all', WORKER_PORT: '0' }));
    const apis: Started[] = [];
    for (let index = 0; index < topology.apis; index++) apis.push(await startProcess('api', { ...env, ...(topology.workers === null ? {} : { PROCESSORS: 'none' }) }));
    processes.push(...apis);
    await linkClients(apis[0]!.url, adminKey, [benchClient]);
    console.log(`  ${topology.name} on ${dataDir}`);
    const acceptedPerSecond = await throughput(apis.map((api) => api.url), secret);
    const freshness = await freshnessOf(apis[0]!.url, apis[apis.length - 1]!.url, adminKey);
    console.log(`    ${Math.round(acceptedPerSecond)} accepted/s; freshness p50 ${freshness.p50.toFixed(1)} ms, p99 ${freshness.p99.toFixed(1)} ms`);
    return { acceptedPerSecond, freshnessP50Ms: freshness.p50, freshnessP99Ms: freshness.p99 };
  } finally {
    for (const process of processes) await process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Started {
  readonly url: string;
  stop(): Promise<void>;
}

/** One process of the fleet, forked from the built (or, under a test runner, source) child. */
async function startProcess(role: 'api' | 'worker', env: Record<string, string>): Promise<Started> {
  const child: ChildProcess = fork(join(__dirname, `fleet-process.child${extname(__filename)}`), [role], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const [message] = (await Promise.race([once(child, 'message'), exited.then(([code]) => Promise.reject(new Error(`the ${role} exited with ${code} before listening`)))])) as [{ url: string }];
  return {
    url: message.url,
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}

/** Connections split over the API processes, each a new conversation; a 2 s warm-up first. */
async function throughput(urls: readonly string[], secret: string): Promise<number> {
  let conversation = 0;
  const next = () => {
    conversation += 1;
    return signedChatwootDelivery(conversationCreatedBody({ id: 3_000_000 + conversation, createdAt: 1_780_000_000 + conversation, contactId: Number(benchClient.chatwootContactId) }), secret);
  };
  const each = Math.max(1, Math.floor(connections / urls.length));
  const run = (duration: number) => Promise.all(urls.map((url) => runLoad({ url, connections: each, duration, requests: chatwootRequests(next, null) })));
  await run(2);
  const results = await run(seconds);
  return results.reduce((sum, result) => sum + result['2xx'] / result.duration, 0);
}

/** Sequential samples: register a consultant on `writeUrl`, poll `readUrl` every 2 ms until it answers with it. */
async function freshnessOf(writeUrl: string, readUrl: string, key: string): Promise<{ p50: number; p99: number }> {
  const register = 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status } }';
  const read = 'query ($id: ID!) { consultant(id: $id) { billRateCents } }';
  const samples: number[] = [];
  for (let index = 0; index < freshnessSamples; index++) {
    const consultantId = `co-fresh-${randomId().slice(-12)}`;
    const input = { consultantId, name: `Consultant ${index}`, email: `${consultantId}@example.com`, weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 18_000 };
    await graphqlData(writeUrl, key, register, { input });
    const answered = performance.now();
    while (!(await graphqlData(readUrl, key, read, { id: consultantId })).consultant) await new Promise((resolve) => setTimeout(resolve, 2));
    samples.push(performance.now() - answered);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}
