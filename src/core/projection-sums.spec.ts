import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import type { Projection } from './projection';
import { type SumDocument, sumDocumentId } from './projection-sums';
import { ProjectionRunner } from './projection-runner';
import type { ReadDocument, ReadStore } from './read-store.port';

interface Account extends ReadDocument {
  readonly day: string;
  readonly cents: number;
}

/** Accounts that move between days and amounts or disappear; the sums keep Σ cents and a count per day. */
const accounts: Projection<Account> = {
  name: 'accounts',
  version: 1,
  handles: ['AccountSet', 'AccountDeleted'],
  documentIds: (event) => [(event.data as { account: string }).account],
  evolve(document, event, id) {
    if (event.type === 'AccountDeleted') return null;
    const { day, cents } = event.data as { day: string; cents: number };
    return { _id: id, day, cents };
  },
  sums: { of: (account) => [{ bucket: `day:${account.day}`, amounts: [['cents', account.cents], ['accounts', 1]] }] },
};

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

/** A small deterministic generator (mulberry32), so a failing history can be replayed. */
function generator(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * max);
  };
}

/** Σ of the live accounts per day, as the sum documents should hold it. */
function expectedSums(documents: readonly ReadDocument[]): Record<string, Array<[string, number]>> {
  const byDay: Record<string, { cents: number; accounts: number }> = {};
  for (const account of documents as Account[]) {
    const day = (byDay[account.day] ??= { cents: 0, accounts: 0 });
    day.cents += account.cents;
    day.accounts += 1;
  }
  const expected: Record<string, Array<[string, number]>> = {};
  for (const [day, { cents, accounts: count }] of Object.entries(byDay)) {
    expected[sumDocumentId(`day:${day}`)] = ([['accounts', count], ['cents', cents]] as Array<[string, number]>).filter(([, amount]) => amount !== 0);
  }
  return expected;
}

describe('sums a projection keeps of its documents', () => {
  let events: EventStore;
  let reads: ReadStore;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await events.close();
    await reads.close();
  });

  const caughtUp = async (batchSize: number) => {
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [accounts], batchSize, idleWaitMs: 20 });
    runners.push(runner);
    await runner.start();
    expect(await runner.waitFor((await events.headPosition())!, 20_000)).toBe(true);
    return runner;
  };
  const split = async () => {
    const all = (await reads.find<ReadDocument>('accounts', { limit: 10_000 })).documents;
    const sums = Object.fromEntries(all.filter((document) => '_sum' in document).map((document) => [document._id, (document as SumDocument).rows]));
    return { accounts: all.filter((document) => !('_sum' in document)), sums };
  };

  it.each([1, 2, 3])('equal the sums of the live documents after moves, deletions and re-creations across batches (seed %i)', async (seed) => {
    // Given accounts set, moved to other days and amounts, deleted and set again, in small batches
    const random = generator(seed);
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 25; i++) {
        const account = `a${random(12)}`;
        const event = random(6) === 0
          ? { id: randomId(), type: 'AccountDeleted', data: { account }, metadata }
          : { id: randomId(), type: 'AccountSet', data: { account, day: `2026-03-0${1 + random(4)}`, cents: random(5) * 1_000 - 1_000 }, metadata };
        await events.append(`Account-${account}`, [event]);
      }
      // When a runner (a new one each round, resuming from the checkpoint) catches up
      const runner = await caughtUp(1 + random(5));
      await runner.stop();
    }
    // Then each day's sum document holds exactly the sums of the accounts on that day, and a day left empty has none
    const { accounts: live, sums } = await split();
    expect(live.length).toBeGreaterThan(0);
    expect(sums).toEqual(expectedSums(live));
  });

  it('leaves the sums as they are when the runner replays events already applied', async () => {
    // Given two accounts applied and a checkpoint set back to the start (a replay)
    for (const [account, day, cents] of [['a', '2026-03-01', 500], ['b', '2026-03-01', 700]] as const) {
      await events.append(`Account-${account}`, [{ id: randomId(), type: 'AccountSet', data: { account, day, cents }, metadata }]);
    }
    await (await caughtUp(1)).stop();
    const checkpoint = (await reads.checkpoint('accounts'))!;
    await reads.saveCheckpoint({ ...checkpoint, position: null });
    // When a runner folds the whole log again
    await caughtUp(10);
    // Then the day still sums each account once
    expect((await split()).sums).toEqual({ [sumDocumentId('day:2026-03-01')]: [['accounts', 2], ['cents', 1_200]] });
  });
});
