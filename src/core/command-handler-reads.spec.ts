import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { AggregateCache } from './aggregate-cache';
import { createCommandHandler } from './command-handler';
import type { Decider } from './decider';
import { ConcurrencyError } from './errors';
import { collect, type EventStore } from './event-store.port';
import { deterministicId } from './ids';
import type { Command, DomainEvent } from './messages';
import { countingReads } from '../testing/counting-reads';

type Count = Command<'Count', { by: number }> | Command<'Noop', Record<string, never>>;
type Counted = DomainEvent<'Counted', { total: number }>;

/** A running total: `Noop` never appends, whatever the state. */
const counter: Decider<Count, Counted, number> = {
  initialState: 0,
  decide: (command, total) => (command.type === 'Noop' ? [] : [{ type: 'Counted', data: { total: total + command.data.by } }]),
  evolve: (_total, event) => event.data.total,
};
const logOnly: Decider<Count, Counted, number> = { ...counter, logOnly: true };

const at = '2026-03-01T10:00:00.000Z';
const count = (by = 1): Count => ({ type: 'Count', occurredAt: at, data: { by } });
const noop: Count = { type: 'Noop', occurredAt: at, data: {} };
const actor = { actor: 'spec' };

describe('command handling without needless reads', () => {
  let inner: EventStore;
  let store: EventStore & { reads: number };
  beforeEach(async () => {
    inner = await openSqliteEventStore({ path: ':memory:' });
    store = countingReads(inner);
  });
  afterEach(() => inner.close());

  it('reads nothing for a command on a stream expected not to exist, and a second one there is a conflict', async () => {
    const handle = createCommandHandler(store, { readBack: false });
    const result = await handle(counter, 'Counter-1', count(), { ...actor, expectedRevision: 'no_stream' });

    expect(store.reads).toBe(0);
    const [stored] = await collect(inner.readStream('Counter-1'));
    expect(stored).toMatchObject({ type: 'Counted', data: { total: 1 }, revision: 0n });
    expect(result).toEqual({ status: 'appended', stream: 'Counter-1', events: [], nextExpectedRevision: 0n, position: stored!.position, replayed: false });
    await expect(handle(counter, 'Counter-1', count(), { ...actor, expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('decides from the cache without reading when it holds the stream at the revision the caller pinned', async () => {
    const cache = new AggregateCache();
    const handle = createCommandHandler(store, { cache, readBack: false });
    await handle(counter, 'Counter-1', count(2), actor);
    const readsBefore = store.reads;

    await handle(counter, 'Counter-1', count(3), { ...actor, expectedRevision: 0n });

    expect(store.reads).toBe(readsBefore);
    expect((await collect(inner.readStream('Counter-1'))).map((event) => event.data)).toEqual([{ total: 2 }, { total: 5 }]);
  });

  it('reads the events back into the result by default', async () => {
    const result = await createCommandHandler(store)(counter, 'Counter-1', count(), actor);
    expect(result.events).toEqual(await collect(inner.readStream('Counter-1')));
  });

  it('refuses a pinned revision the stream has moved past, even with a cached state', async () => {
    const handle = createCommandHandler(store);
    await handle(counter, 'Counter-1', count(), actor);
    await createCommandHandler(inner)(counter, 'Counter-1', count(), actor);

    await expect(handle(counter, 'Counter-1', count(), { ...actor, expectedRevision: 0n })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await collect(inner.readStream('Counter-1'))).toHaveLength(2);
  });

  it('still checks the pinned revision when a decision taken unread appends nothing', async () => {
    const handle = createCommandHandler(store);
    await handle(counter, 'Counter-1', count(), actor);

    await expect(handle(counter, 'Counter-1', noop, { ...actor, expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await handle(counter, 'Counter-2', noop, { ...actor, expectedRevision: 'no_stream' })).toMatchObject({ status: 'unchanged', nextExpectedRevision: null });
  });

  it('never reads the stream of a log-only decider and appends wherever the stream ends', async () => {
    const handle = createCommandHandler(store, { readBack: false });
    await handle(logOnly, 'Log-1', count(), actor);
    const second = await handle(logOnly, 'Log-1', count(), actor);

    expect(store.reads).toBe(0);
    expect(second).toMatchObject({ status: 'appended', nextExpectedRevision: 1n });
  });

  it('gives the events the ids the caller derives, so a repeated append stores nothing more', async () => {
    const handle = createCommandHandler(store);
    const eventIdOf = (event: DomainEvent, index: number) => deterministicId(`${event.type}\u0000attempt-1\u0000${index}`);
    const first = await handle(counter, 'Counter-1', count(), { ...actor, expectedRevision: 'no_stream', eventIdOf });

    expect(first.events.map((event) => event.id)).toEqual([deterministicId('Counted\u0000attempt-1\u00000')]);
    await handle(counter, 'Counter-1', count(), { ...actor, expectedRevision: 'no_stream', eventIdOf });
    expect(await collect(inner.readStream('Counter-1'))).toHaveLength(1);
  });
});
