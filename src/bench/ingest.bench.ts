import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResult, benchResult } from './bench-result';
import { type DurabilityCheck, verifyDurable } from './ingest-durability.bench';
import { type FreshnessMeasurement, type FreshnessPlan, measureFreshness } from './ingest-freshness.bench';
import { prepareClient, type RunningIngestServers, startIngestServers } from './ingest-servers.bench';
import { type ThroughputMeasurement, measureThroughput } from './ingest-throughput.bench';

/** The rate, in a short burst (the backlog it leaves must drain before the suite ends), after a rate this machine sustains. */
const steady: FreshnessPlan = { perSecond: Number(process.env.BENCH_INGEST_STEADY_RATE ?? 50), seconds: 10, warmUpSeconds: 2, firstConversation: 0 };
const target: FreshnessPlan = { perSecond: 1_000, seconds: 5, warmUpSeconds: 1, firstConversation: 100_000 };

/**
 * Signed Chatwoot deliveries into the composed app, each phase on a fresh embedded store: accepted
 * deliveries per second against a bare node:http receiver (autocannon, same settings, same run),
 * every acknowledged delivery then looked up in the stopped server's event store; and, paced, the
 * time from a delivery's 2xx to the ticket volume KPI counting it.
 */
export async function benchIngest(): Promise<BenchResult[]> {
  const throughput = await inDataDir('throughput', async (dataDir) => {
    const measured = await withServers(dataDir, (servers) => measureThroughput(servers));
    return { measured, durability: await verifyDurable(dataDir, measured.acknowledged) };
  });
  const freshness = await inDataDir('freshness', (dataDir) =>
    withServers(dataDir, async (servers, viewerKey) => ({
      steady: await measureFreshness(servers, viewerKey, steady),
      target: await measureFreshness(servers, viewerKey, target),
    })),
  );
  return [...throughputResults(throughput.measured, throughput.durability), ...freshnessResults(freshness.steady, freshness.target)];
}

async function inDataDir<T>(phase: string, run: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `zixly-bench-ingest-${phase}-`));
  console.log(`  ${phase}: the composed app (NODE_ENV=production, webhook worker and projections in the process) on an empty store in ${dataDir}`);
  try {
    return await run(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withServers<T>(dataDir: string, measure: (servers: RunningIngestServers, viewerKey: string) => Promise<T>): Promise<T> {
  const servers = await startIngestServers(dataDir);
  try {
    const viewerKey = await prepareClient(servers);
    console.log(`  bench client onboarded and its Chatwoot contact linked; app on ${servers.appUrl}`);
    return await measure(servers, viewerKey);
  } finally {
    await servers.stop();
  }
}

function throughputResults({ app, appDrain, bare, receiverOnly }: ThroughputMeasurement, durability: DurabilityCheck): BenchResult[] {
  const name = 'ingest: signed Chatwoot deliveries';
  return [
    benchResult(`${name} accepted (2xx) by the app, 10 connections, vs bare node:http reading the body and answering 202`, app.acceptedPerSecond, 'deliveries/s', bare.acceptedPerSecond, '>= 60% of baseline'),
    benchResult(`${name} accepted by the app and settled by its webhook worker, over the run and the drain of its backlog, vs accepted`, appDrain.endToEndPerSecond, 'deliveries/s', app.acceptedPerSecond),
    benchResult(`${name}: the app's backlog at the end of the run settled after, vs the run's duration`, appDrain.seconds, 's', appDrain.runSeconds),
    benchResult(`${name} accepted by the webhook routes alone (no worker, projections or API in the process), vs bare node:http`, receiverOnly.acceptedPerSecond, 'deliveries/s', bare.acceptedPerSecond),
    benchResult(`${name}, app latency p99 at 10 connections, vs bare node:http`, app.p99Ms, 'ms', bare.p99Ms),
    benchResult(`${name}, app server CPU per accepted delivery (worker and projections included), vs bare node:http`, app.serverCpuMsPerDelivery, 'ms', bare.serverCpuMsPerDelivery),
    benchResult(`${name} acknowledged by the app and found in its event store after the run, vs acknowledged`, durability.stored, 'deliveries', durability.acknowledged, 'all'),
  ];
}

function freshnessResults(steadyRun: FreshnessMeasurement, targetRun: FreshnessMeasurement): BenchResult[] {
  const name = 'ingest: freshness, delivery 2xx to the ticketVolume KPI counting it through GraphQL';
  const at = (run: FreshnessMeasurement) => `at ${run.plan.perSecond.toLocaleString('en')} deliveries/s for ${run.plan.seconds} s`;
  return [
    benchResult(`${name}, p50 ${at(targetRun)}, vs the poll's round trip p50`, targetRun.freshnessP50Ms, 'ms', targetRun.pollP50Ms),
    benchResult(`${name}, p99 ${at(targetRun)}, vs the poll's round trip p99`, targetRun.freshnessP99Ms, 'ms', targetRun.pollP99Ms, '< 100 ms'),
    benchResult(`ingest: delivery latency p99 ${at(targetRun)}, from when each was due`, targetRun.deliveryP99Ms, 'ms', null),
    benchResult(`ingest: deliveries carried end to end (sent, processed by the worker, counted by the KPI) ${at(targetRun)}, vs the rate sent`, targetRun.throughToKpiPerSecond, 'deliveries/s', targetRun.perSecond),
    benchResult(`${name}, p50 ${at(steadyRun)}, vs the poll's round trip p50`, steadyRun.freshnessP50Ms, 'ms', steadyRun.pollP50Ms),
    benchResult(`${name}, p99 ${at(steadyRun)}, vs the poll's round trip p99`, steadyRun.freshnessP99Ms, 'ms', steadyRun.pollP99Ms),
  ];
}
