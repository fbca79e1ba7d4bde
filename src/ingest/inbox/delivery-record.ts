import type { AggregateCache } from '../../core/aggregate-cache';
import { loadAggregate } from '../../core/aggregate-cache';
import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { webhookDeliveryDecider, webhookDeliveryStream, type WebhookDeliveryState } from '../../aggregates/webhook-delivery/webhook-delivery.decider';
import type { WebhookDeliveryReceived } from '../../aggregates/webhook-delivery/webhook-delivery.events';

export type { DeliveryStatus } from '../../aggregates/webhook-delivery/webhook-delivery.decider';

/** A delivery's stream folded by its decider, with the stored delivery: what the worker and the redrive need. */
export type DeliveryRecord = Exclude<WebhookDeliveryState, { status: 'none' }> & {
  readonly received: RecordedEvent<WebhookDeliveryReceived>;
  /** Revision of the stream's last event: the expected revision of the next command. */
  readonly revision: bigint;
};

/**
 * The delivery's record, or null when no delivery with this id was received: one read of its
 * stream. Given the cache of the bus that records what comes next, the folded state is left there,
 * so the command at this revision does not read the stream again.
 */
export async function loadDelivery(store: EventStore, deliveryId: string, cache?: AggregateCache): Promise<DeliveryRecord | null> {
  const stream = webhookDeliveryStream(deliveryId);
  let first: RecordedEvent | null = null;
  const loaded = await loadAggregate(store, webhookDeliveryDecider, stream, undefined, (event) => {
    first ??= event;
  });
  const received = first as RecordedEvent | null;
  if (received?.type !== 'WebhookDeliveryReceived' || loaded.state.status === 'none' || loaded.revision === null) return null;
  cache?.remember(stream, webhookDeliveryDecider, loaded);
  return { ...loaded.state, received: received as RecordedEvent<WebhookDeliveryReceived>, revision: loaded.revision };
}
