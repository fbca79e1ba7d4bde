import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import type { Projection } from './projection';
import { ProjectionLoop } from './projection-loop';
import type { ReadDocument, ReadStore } from './read-store.port';

/** Σ of the amounts per account: each event changes the document the previous one wrote. */
const totals: Projection = {
  name: 'totals',
  version: 1,
  handles: ['Added'],
  documentIds: (event) => [(event.data as { account: string }).account],
  evolve: (document, event, id) => ({ _id: id, total: ((document?.total as number) ?? 0) + (event.data as { amount: number }).amount }),
};

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

/** A store whose commits land only when the test says so (a writer thread or a network away). */
function delayedCommits(inner: ReadStore) {
  const held: Array<{ land: () => void; fail: (error: Error) => void }> = [];
  let getManyCalls = 0;
  let passThrough = false;
  const store: ReadStore = {
    ...inner,
    getMany: (collection, ids) => (getManyCalls++, inner.getMany(collection, ids)),
    commit: (collection, writes, checkpoint) =>
      passThrough
        ? inner.commit(collection, writes, checkpoint)
        : new Promise<void>((resolve, reject) =>
            held.push({ land: () => void inner.commit(collection, writes, checkpoint).then(resolve, reject), fail: reject }),
          ),
  };
  return { store, held, getManyCalls: () => getManyCalls, passThrough: () => (passThrough = true) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('projection loop', () => {
  let events: EventStore;
  let reads: ReadStore;
  const add = (account: string, amount: number) => events.append(`Account-${account}`, [{ id: randomId(), type: 'Added', data: { account, amount }, metadata }]);
  const loopOver = (store: ReadStore) => new ProjectionLoop(totals, { checkpointKey: 'totals', collection: 'totals' }, events, store, 2, () => new Date());
  const totalOf = async (account: string) => (await reads.getMany<ReadDocument>('totals', [account])).get(account)?.document.total;

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await events.close();
    await reads.close();
  });

  it('folds the next batch while a commit is in flight, over what that commit writes, and moves its position only once it lands', async () => {
    // Given four amounts on one account, two per batch, and a store that holds commits back
    for (const amount of [1, 2, 4, 8]) await add('acc-1', amount);
    const delayed = delayedCommits(reads);
    const loop = loopOver(delayed.store);
    await loop.load();

    // When the first batch is committed but has not landed, and the second batch is read
    expect(await loop.step()).toBe(2);
    const second = loop.step();
    while (delayed.getManyCalls() < 2) await tick();

    // Then the second batch was read and folded before the first commit landed, and nothing counts as applied yet
    expect(await totalOf('acc-1')).toBeUndefined();
    expect(loop.position).toBeNull();

    // And once the commits land, the document holds all four amounts
    delayed.held.shift()!.land();
    expect(await second).toBe(2);
    expect(loop.position).not.toBeNull();
    const catchingUp = loop.catchUp();
    while (delayed.held.length === 0) await tick();
    delayed.held.shift()!.land();
    await catchingUp;
    expect(await totalOf('acc-1')).toBe(15);
    expect(loop.eventsApplied).toBe(4);
  });

  it('reads again from the last commit that landed when a commit fails, so no event is lost', async () => {
    // Given four amounts and a commit that fails once, after the first batch landed
    for (const amount of [1, 2, 4, 8]) await add('acc-1', amount);
    const delayed = delayedCommits(reads);
    const loop = loopOver(delayed.store);
    await loop.load();
    await loop.step();
    delayed.held.shift()!.land();
    const failing = loop.catchUp();
    while (delayed.held.length === 0) await tick();
    delayed.held.shift()!.fail(new Error('disk full'));

    // When the same loop catches up again once the store works
    await expect(failing).rejects.toThrow('disk full');
    delayed.passThrough();
    await loop.catchUp();

    // Then every amount is counted once
    expect(await totalOf('acc-1')).toBe(15);
  });
});
