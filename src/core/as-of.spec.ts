import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { readModelsAsOf } from './as-of';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import type { Projection } from './projection';

const paymentsTotal: Projection = {
  name: 'payments_total',
  version: 1,
  handles: ['PaymentReceived'],
  documentIds: () => ['all'],
  evolve: (document, event, id) => ({ _id: id, cents: ((document?.cents as number) ?? 0) + (event.data as { amountCents: number }).amountCents }),
};

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const scratch = { openScratchReadStore: () => openSqliteReadStore({ path: ':memory:' }) };

describe('read models as of a past instant', () => {
  let store: EventStore;
  afterEach(() => store.close());

  async function storeRecording(...instants: string[]) {
    let next = 0;
    store = await openSqliteEventStore({ path: ':memory:', clock: () => new Date(instants[Math.min(next, instants.length - 1)]!) });
    for (const [index] of instants.entries()) {
      next = index;
      await store.append('Invoice-1', [{ id: randomId(), type: 'PaymentReceived', data: { amountCents: 100 * (index + 1) }, metadata }]);
    }
  }

  it('replays only the events the store had recorded by that instant', async () => {
    await storeRecording('2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z');

    const asOf = await readModelsAsOf(store, [paymentsTotal], '2026-03-02T12:00:00+00:00', scratch);

    expect((await asOf.reads.getMany('payments_total', ['all'])).get('all')?.document.cents).toBe(100 + 200);
    expect(asOf.eventsReplayed).toBe(2);
    await asOf.close();
  });

  it('leaves out an event recorded later even when history recorded in the past follows it (a key created, then the demo seeded)', async () => {
    await storeRecording('2026-03-05T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z');

    const asOf = await readModelsAsOf(store, [paymentsTotal], '2026-03-03T00:00:00Z', scratch);

    expect((await asOf.reads.getMany('payments_total', ['all'])).get('all')?.document.cents).toBe(200 + 300);
    expect(asOf.eventsReplayed).toBe(2);
    await asOf.close();
  });

  it('is empty before the first event was recorded', async () => {
    await storeRecording('2026-03-01T10:00:00.000Z');

    const asOf = await readModelsAsOf(store, [paymentsTotal], '2026-02-01T00:00:00Z', scratch);

    expect(asOf.position).toBeNull();
    expect((await asOf.reads.find('payments_total')).documents).toEqual([]);
    await asOf.close();
  });

  it('refuses with a clear error when more events than the limit would have to be replayed', async () => {
    await storeRecording('2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', '2026-03-01T12:00:00.000Z');

    await expect(readModelsAsOf(store, [paymentsTotal], '2026-04-01T00:00:00Z', { ...scratch, maxEvents: 2 })).rejects.toMatchObject({
      code: 'as_of.too_many_events',
      message: expect.stringContaining('at most 2 events'),
    });
  });

  it('rejects an instant that is not ISO-8601', async () => {
    await storeRecording('2026-03-01T10:00:00.000Z');
    await expect(readModelsAsOf(store, [paymentsTotal], 'last tuesday', scratch)).rejects.toMatchObject({ code: 'input.invalid_instant' });
  });
});
