import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from './messages';
import { foldBatch, type Projection, type StoredState } from './projection';

/** Per account a document of its own, and a running total of all accounts the batch fold keeps. */
const accounts: Projection = {
  name: 'accounts',
  version: 1,
  handles: ['Added'],
  documentIds: (event) => [(event.data as { account: string }).account, 'total'],
  evolve(document, event, id) {
    const { amount } = event.data as { amount: number };
    if (amount < 0) throw new Error('negative amount');
    return { _id: id, amount: ((document?.amount as number) ?? 0) + amount };
  },
};

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', recordedAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const added = (position: number, account: string, amount: number): RecordedEvent => ({
  id: `e${position}`,
  type: 'Added',
  data: { account, amount },
  metadata,
  stream: `Account-${account}`,
  revision: 0n,
  position: BigInt(position),
});

/** The same projection with the total folded once per batch; counts its calls. */
function withBatchFold(): { projection: Projection; calls: string[] } {
  const calls: string[] = [];
  const projection: Projection = {
    ...accounts,
    batchFold: {
      owns: (id) => id === 'total',
      evolve(document, events, id) {
        calls.push(id);
        return events.reduce((current, event) => accounts.evolve(current, event, id)!, document)!;
      },
    },
  };
  return { projection, calls };
}

describe('a projection with a batch fold', () => {
  const loaded = new Map<string, StoredState>([['total', { document: { _id: 'total', amount: 100, _events: 1 }, position: 2n }]]);

  it('folds each document it owns once per batch, to what evolving one event at a time gives', () => {
    // Given a stored total that already applied positions up to 2 (the replay of position 2 is skipped)
    const events = [added(2, 'a', 100), added(3, 'a', 5), added(4, 'b', 7), added(5, 'a', 1)];
    const { projection, calls } = withBatchFold();
    // When the batch is folded with and without the batch fold
    const batched = foldBatch(projection, events, loaded);
    const oneByOne = foldBatch(accounts, events, loaded);
    // Then the documents, positions and event counts are the same, the total evolved once
    expect(calls).toEqual(['total']);
    expect(new Map(batched.writes.map((write) => [write.id, write]))).toEqual(new Map(oneByOne.writes.map((write) => [write.id, write])));
    expect(batched.writes.find((write) => write.id === 'total')).toEqual({ id: 'total', document: { _id: 'total', amount: 113, _events: 4 }, position: 5n });
    expect(batched.position).toBe(5n);
  });

  it('stops at an event that fails, keeping what came before it, as without a batch fold', () => {
    const events = [added(3, 'a', 5), added(4, 'b', -1), added(5, 'a', 1)];
    const now = () => new Date('2026-03-02T00:00:00.000Z');
    const batched = foldBatch(withBatchFold().projection, events, loaded, now);
    expect(batched).toEqual(foldBatch(accounts, events, loaded, now));
    expect(batched.failure?.eventId).toBe('e4');
    expect(batched.writes.find((write) => write.id === 'total')?.document).toEqual({ _id: 'total', amount: 105, _events: 2 });
  });

  it('goes past a malformed event for every document, as without a batch fold', () => {
    const events = [added(3, 'a', 5), added(4, 'b', -1), added(5, 'a', 1)];
    const malformed = (event: RecordedEvent) => ((event.data as { amount: number }).amount < 0 ? 'amount below zero' : null);
    const batched = foldBatch(withBatchFold().projection, events, loaded, undefined, malformed);
    expect(batched).toEqual(foldBatch(accounts, events, loaded, undefined, malformed));
    expect(batched.skipped.map((event) => event.id)).toEqual(['e4']);
    expect(batched.writes.find((write) => write.id === 'total')?.document).toEqual({ _id: 'total', amount: 106, _events: 3 });
  });
});
