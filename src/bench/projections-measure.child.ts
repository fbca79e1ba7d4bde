import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { readModelsAsOf } from '../core/as-of';
import type { Projection } from '../core/projection';
import { ProjectionRunner } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';
import { allProjections } from '../projections';
import { financialProjections, mrr, paidWithin30DaysRate, receivables, revenue } from '../projections/financial';
import { foldInMemory } from './projections-baseline.bench';

/** What a measurement child reports to the benchmark over IPC. */
export interface Measurement {
  readonly seconds: number;
  readonly events: number;
  readonly peakRssMb: number;
  /** RSS once the modules are loaded and the stores opened, before the measured work. */
  readonly startRssMb: number;
  /** CPU time of this process during the measurement: other processes on the machine do not count. */
  readonly cpuSeconds: number;
  readonly detail: Record<string, number | string>;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const timeZone = 'Australia/Brisbane';

/**
 * Samples RSS every 100 ms (the event loop turns between batches, so samples keep coming) and
 * the CPU time used since it started.
 */
function sampler(): { peakRssMb: () => number; cpuSeconds: () => number } {
  const cpuAtStart = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    peakRssMb: () => (clearInterval(timer), mb(Math.max(peak, process.memoryUsage().rss))),
    cpuSeconds: () => {
      const { user, system } = process.cpuUsage(cpuAtStart);
      return (user + system) / 1e6;
    },
  };
}

async function baseline(eventsPath: string): Promise<Measurement> {
  const store = await openSqliteEventStore({ path: eventsPath });
  const startRssMb = mb(process.memoryUsage().rss);
  const measuring = sampler();
  const started = performance.now();
  const { events, documents } = await foldInMemory(store, allProjections);
  const seconds = (performance.now() - started) / 1_000;
  const cpuSeconds = measuring.cpuSeconds();
  await store.close();
  return { seconds, events, peakRssMb: measuring.peakRssMb(), startRssMb, cpuSeconds, detail: documents };
}

/** Every projection from position 0 into a fresh read store, through the real runner. */
async function rebuild(eventsPath: string, readsPath: string, events: number): Promise<Measurement> {
  const eventStore = await openSqliteEventStore({ path: eventsPath });
  const readStore = await openSqliteReadStore({ path: readsPath });
  const head = (await eventStore.headPosition()) ?? 0n;
  const startRssMb = mb(process.memoryUsage().rss);
  const measuring = sampler();
  const runner = new ProjectionRunner({ eventStore, readStore, projections: allProjections });
  const started = performance.now();
  const progress = setInterval(() => printRebuildProgress(runner, head, started), 2_000);
  await runner.start();
  const caughtUp = await runner.waitFor(head, 30 * 60_000);
  // Stopping waits for the batches and index builds still under way: the time is that of read models ready to query.
  await runner.stop();
  const seconds = (performance.now() - started) / 1_000;
  const cpuSeconds = measuring.cpuSeconds();
  clearInterval(progress);
  const failed = runner.status().filter((status) => status.failure);
  if (!caughtUp || failed.length > 0) throw new Error(`Rebuild did not complete: ${JSON.stringify(failed.map((status) => status.failure))}`);
  await Promise.all([eventStore.close(), readStore.close()]);
  return { seconds, events, peakRssMb: measuring.peakRssMb(), startRssMb, cpuSeconds, detail: {} };
}

/** Projections that have applied nothing yet (or never will: no events of theirs) are left out. */
function printRebuildProgress(runner: ProjectionRunner, head: bigint, started: number): void {
  const positions = runner.status().flatMap((status) => (status.position === null ? [] : [{ name: status.name, share: Number(status.position) / Number(head || 1n) }]));
  const seconds = Math.round((performance.now() - started) / 1_000);
  const slowest = positions.reduce((low, next) => (next.share < low.share ? next : low), positions[0] ?? { name: 'none yet', share: 0 });
  console.log(`    rebuild ${seconds}s: slowest projection ${slowest.name} at ${(slowest.share * 100).toFixed(1)}% of the log, rss ${mb(process.memoryUsage().rss)} MB`);
}

/** One financial dashboard for a month: the queries a client would ask for together. */
async function financialDashboard(reads: ReadStore, from: string, to: string): Promise<void> {
  const context = { reads, timeZone };
  const period = { from, to };
  await mrr(context, period);
  await revenue(context, period);
  await receivables(context, period);
  await paidWithin30DaysRate(context, period, { asOf: to });
}

/**
 * The dashboard as of now over the store: replay into a scratch store, then the queries. The
 * baseline is the same queries over read models already built (what a live dashboard costs).
 */
async function asOf(eventsPath: string, from: string, to: string, scope: 'financial' | 'all'): Promise<Measurement> {
  const store = await openSqliteEventStore({ path: eventsPath });
  const projections: readonly Projection[] = scope === 'financial' ? financialProjections : allProjections;
  const live = await openSqliteReadStore({ path: ':memory:' });
  const runner = new ProjectionRunner({ eventStore: store, readStore: live, projections });
  await runner.start();
  await runner.waitFor((await store.headPosition()) ?? 0n, 10 * 60_000);
  await runner.stop();
  const liveStarted = performance.now();
  await financialDashboard(live, from, to);
  const liveSeconds = (performance.now() - liveStarted) / 1_000;
  const startRssMb = mb(process.memoryUsage().rss);
  const measuring = sampler();
  const started = performance.now();
  const view = await readModelsAsOf(store, projections, new Date().toISOString(), { openScratchReadStore: () => openSqliteReadStore({ path: ':memory:' }) });
  await financialDashboard(view.reads, from, to);
  const seconds = (performance.now() - started) / 1_000;
  const cpuSeconds = measuring.cpuSeconds();
  await Promise.all([view.close(), live.close(), store.close()]);
  return { seconds, events: view.eventsReplayed, peakRssMb: measuring.peakRssMb(), startRssMb, cpuSeconds, detail: { liveSeconds } };
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2) as [string, string, string, string];
  const measurement =
    mode === 'baseline'
      ? await baseline(args[0])
      : mode === 'rebuild'
        ? await rebuild(args[0], args[1], Number(args[2]))
        : await asOf(args[0], args[1], args[2], mode === 'as-of-all' ? 'all' : 'financial');
  process.send!(measurement, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
