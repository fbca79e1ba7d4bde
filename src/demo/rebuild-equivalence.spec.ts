import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from '../core/event-store.port';
import { ProjectionRunner } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';
import { allProjections } from '../projections';
import { snapshotReadModels } from '../testing/read-model-snapshot';
import { decideHistory } from './decide-history';
import { generateHistory } from './generate-history';
import { slaTimersCollection } from '../projections/support/sla-timers.projection';

const history = { seed: 11, consultants: 2, years: 1, startDate: '2025-01-06' };
const names = allProjections.map((projection) => projection.name);

const snapshot = (reads: ReadStore) => snapshotReadModels(reads, names);

async function caughtUp(runner: ProjectionRunner, events: EventStore): Promise<void> {
  expect(await runner.waitFor((await events.headPosition())!, 60_000)).toBe(true);
  expect(runner.status().filter((status) => status.failure !== null)).toEqual([]);
}

describe('read models of a generated history', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function runnerOn(events: EventStore, reads: ReadStore): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: allProjections, batchSize: 500 });
    await runner.start();
    closers.push(() => runner.stop());
    return runner;
  }

  it('are the same, document for document in every collection, followed live or rebuilt from scratch', async () => {
    const events = await openSqliteEventStore({ path: ':memory:' });
    const reads = await openSqliteReadStore({ path: ':memory:' });
    closers.push(() => events.close(), () => reads.close());
    const live = await runnerOn(events, reads);
    let seenMidway = 0;
    let pending: Promise<unknown>[] = [];
    const generatedTypes = new Set<string>();
    for await (const { stream, events: decided } of decideHistory(generateHistory(history))) {
      for (const event of decided) generatedTypes.add(event.type);
      pending.push(events.append(stream, decided));
      if (pending.length < 100) continue;
      await Promise.all(pending);
      pending = [];
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (live.status().some((status) => status.position !== null)) seenMidway++;
    }
    await Promise.all(pending);
    await caughtUp(live, events);
    const followed = await snapshot(reads);

    for (const name of names) await live.rebuild(name);
    await caughtUp(live, events);
    const rebuilt = await snapshot(reads);

    const freshReads = await openSqliteReadStore({ path: ':memory:' });
    closers.push(() => freshReads.close());
    await caughtUp(await runnerOn(events, freshReads), events);
    const fromScratch = await snapshot(freshReads);

    expect(seenMidway).toBeGreaterThan(10);
    // Read models of facts that only ingest records (webhook deliveries, identities) stay empty, and
    // so do the SLA timers: they time live tickets only, and generated history is stamped `seed`.
    const fed = allProjections
      .filter((projection) => projection.name !== slaTimersCollection && projection.handles.some((type) => generatedTypes.has(type)))
      .map((projection) => projection.name);
    const sizes = names.map((name) => [name, Object.keys(followed[name]!).length] as const);
    expect(sizes.filter(([, size]) => size > 0).map(([name]) => name)).toEqual(fed);
    expect(fed.length).toBeGreaterThanOrEqual(14);
    expect(sizes.reduce((total, [, size]) => total + size, 0)).toBeGreaterThan(10_000);
    expect(rebuilt).toEqual(followed);
    expect(fromScratch).toEqual(followed);
  }, 180_000);
});
