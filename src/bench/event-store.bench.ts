import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSqliteSynchronous, openSqliteEventStore, type SqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { rawInsertRate, rawReadRate } from '../testing/adapters/sqlite-raw.baseline';
import { type BenchResult, benchResult } from './bench-result';
import { appendWorkload, baselineRows, benchEvent, type Workload } from './event-store-workload.bench';

const rounds = 3;
const sizes = { singles: 2_000, batchedCalls: 400, batchSize: 100, concurrency: 1_000, concurrentRounds: 5, readAll: 200_000 };
/** The store's default; `BENCH_SQLITE_SYNCHRONOUS=NORMAL` measures the other setting for comparison. */
const synchronous = process.env.BENCH_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : defaultSqliteSynchronous;

/**
 * The embedded SQLite event store against raw better-sqlite3 on the same table and settings.
 * Every figure is the best of `rounds` rounds, baseline and store alternating, so a neighbour
 * process stealing the CPU for a moment skews neither side.
 */
export async function benchEventStore(): Promise<BenchResult[]> {
  const directory = mkdtempSync(join(tmpdir(), 'zixly-bench-event-store-'));
  const best = new Map<string, number>();
  const record = (key: string, rate: number) => {
    best.set(key, Math.max(best.get(key) ?? 0, rate));
    console.log(`    ${key.padEnd(34)} ${Math.round(rate).toLocaleString('en').padStart(9)} events/s`);
  };
  console.log(`  synchronous=${synchronous}, best of ${rounds} rounds, temp files in ${directory}`);
  try {
    const batched = appendWorkload(sizes.batchedCalls, sizes.batchSize);
    const singles = appendWorkload(sizes.singles, 1);
    for (let round = 1; round <= rounds; round++) {
      const file = (name: string) => join(directory, `${name}-${round}.sqlite`);
      console.log(`  round ${round}/${rounds}`);
      record('raw inserts, one transaction', rawInsertRate(file('raw'), baselineRows(batched), synchronous));
      record('raw inserts, 100 per transaction', rawInsertRate(file('raw100'), baselineRows(batched), synchronous, sizes.batchSize));
      record('append, 1 event per call', await sequentialAppends(file('singles'), singles));
      record('append, 100 events per call', await sequentialAppends(file('batched'), batched));
      record('1,000 concurrent appends', await concurrentAppends(file('concurrent')));
    }
    const readFile = join(directory, 'read.sqlite');
    console.log(`  filling ${sizes.readAll.toLocaleString('en')} events to read`);
    await fillForReading(readFile);
    for (let round = 1; round <= rounds; round++) {
      console.log(`  round ${round}/${rounds}`);
      record('raw SELECT with JSON.parse', rawReadRate(readFile).rate);
      record('readAll', await readAllRate(readFile));
    }
    return results(best);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function results(best: ReadonlyMap<string, number>): BenchResult[] {
  const rate = (key: string) => best.get(key) ?? 0;
  const raw = rate('raw inserts, one transaction');
  return [
    benchResult('event-store: raw inserts, 100 per transaction (ceiling of per-call commits)', rate('raw inserts, 100 per transaction'), 'events/s', raw),
    benchResult('event-store: append, 1 event per call, sequential', rate('append, 1 event per call'), 'events/s', raw),
    benchResult('event-store: append, 100 events per call, sequential', rate('append, 100 events per call'), 'events/s', raw, '>= 50% of raw inserts'),
    benchResult('event-store: 1,000 concurrent single-event appends', rate('1,000 concurrent appends'), 'events/s', raw, '>= 20,000 events/s'),
    benchResult(`event-store: readAll of ${sizes.readAll.toLocaleString('en')} events`, rate('readAll'), 'events/s', rate('raw SELECT with JSON.parse'), '>= 200,000 events/s'),
  ];
}

async function sequentialAppends(path: string, workload: Workload): Promise<number> {
  return withStore(path, async (store) => {
    const started = performance.now();
    for (const { stream, events } of workload.calls) await store.append(stream, events);
    return workload.events / seconds(started);
  });
}

/** Rounds of 1,000 single-event appends to distinct streams, all in flight at once. */
async function concurrentAppends(path: string): Promise<number> {
  return withStore(path, async (store) => {
    let elapsed = 0;
    for (let round = 0; round < sizes.concurrentRounds; round++) {
      const events = Array.from({ length: sizes.concurrency }, (_, index) => benchEvent(index));
      const started = performance.now();
      await Promise.all(events.map((event, index) => store.append(`Invoice-r${round}x${index}`, [event], 'no_stream')));
      elapsed += seconds(started);
    }
    return (sizes.concurrentRounds * sizes.concurrency) / elapsed;
  });
}

async function fillForReading(path: string): Promise<void> {
  const workload = appendWorkload(sizes.readAll / 1_000, 1_000);
  await withStore(path, async (store) => {
    for (const { stream, events } of workload.calls) await store.append(stream, events);
  });
}

async function readAllRate(path: string): Promise<number> {
  return withStore(path, async (store) => {
    let count = 0;
    const started = performance.now();
    for await (const event of store.readAll()) if (event.data !== null) count++;
    if (count !== sizes.readAll) throw new Error(`readAll returned ${count} events, ${sizes.readAll} were appended`);
    return count / seconds(started);
  });
}

async function withStore<T>(path: string, use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = await openSqliteEventStore({ path, synchronous });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

function seconds(startedAt: number): number {
  return (performance.now() - startedAt) / 1_000;
}
