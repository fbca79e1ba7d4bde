import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { webhookDeliveryStream } from '../../aggregates/webhook-delivery/webhook-delivery.decider';
import { AppError } from '../../core/errors';
import { collect, type EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { ReadStore } from '../../core/read-store.port';
import { WebhookInbox } from './webhook-inbox';
import { ParkedDeliveries } from './parked-deliveries.service';

const at = '2026-03-02T00:05:00.000Z';
const requester = { actor: 'apikey:k-1', correlationId: 'corr-redrive' };

describe('parked deliveries', () => {
  let store: EventStore;
  let reads: ReadStore;
  let deliveryId: string;

  beforeEach(async () => {
    store = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    const [stored] = await new WebhookInbox(store).accept([{ dedupeKey: 'conv-1', eventKind: 'conversation_created', payload: { id: 1 } }], {
      tool: 'chatwoot',
      receivedAt: at,
      correlationId: 'corr-1',
      headers: {},
    });
    deliveryId = stored!.deliveryId;
  });
  afterEach(async () => {
    await store.close();
    await reads.close();
  });

  const park = () =>
    store.append(webhookDeliveryStream(deliveryId), [
      { id: deterministicId(`park-${deliveryId}`), type: 'WebhookDeliveryParked', data: { deliveryId, tool: 'chatwoot', reason: 'unmapped', error: 'chatwoot 7: no client' }, metadata: { occurredAt: at, correlationId: 'corr-1', causationId: null, actor: 'system:webhook-worker' } },
    ]);
  const rejection = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => (error instanceof AppError ? error.code : error));

  it('redrives a parked delivery with the id of its run, caused by the delivery and with the requester as actor', async () => {
    await park();
    const parked = new ParkedDeliveries(store, reads, () => new Date('2026-03-02T09:00:00.000Z'));

    expect(await parked.redrive(deliveryId, requester)).toEqual({ deliveryId, tool: 'chatwoot', previousReason: 'unmapped', run: 1 });

    const [received, , redriven] = await collect(store.readStream(webhookDeliveryStream(deliveryId)));
    expect(redriven).toMatchObject({
      id: deterministicId(`WebhookDeliveryRedriven\u0000${deliveryId}\u00001`),
      type: 'WebhookDeliveryRedriven',
      metadata: { occurredAt: '2026-03-02T09:00:00.000Z', correlationId: 'corr-redrive', causationId: received!.id, actor: 'apikey:k-1' },
    });
  });

  it('refuses a delivery that is not parked, and one never received', async () => {
    const parked = new ParkedDeliveries(store, reads, () => new Date(at));
    expect(await rejection(() => parked.redrive(deliveryId, requester))).toBe('webhook_delivery.not_parked');
    expect(await rejection(() => parked.redrive('nope', requester))).toBe('webhook_delivery.not_found');
    expect(await collect(store.readStream(webhookDeliveryStream(deliveryId)))).toHaveLength(1);
  });
});
