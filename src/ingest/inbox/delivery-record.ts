import { collect, type EventStore } from '../../core/event-store.port';
import type { DomainEvent, RecordedEvent } from '../../core/messages';
import type { WebhookDeliveryEvent, WebhookDeliveryReceived, WebhookParkReason } from '../webhook-delivery.events';
import { webhookDeliveryStream } from '../webhook-delivery.events';
import type { WebhookDeliveryRedriven } from './webhook-redriven.events';

export type DeliveryStatus = 'pending' | 'processed' | 'ignored' | 'parked';

/** A delivery's stream folded: what the worker and the redrive need to decide what comes next. */
export interface DeliveryRecord {
  readonly received: RecordedEvent<WebhookDeliveryReceived>;
  readonly status: DeliveryStatus;
  /** Revision of the stream's last event: the expected revision of the next append. */
  readonly revision: bigint;
  /** 0 for the first run, then one more per redrive. */
  readonly run: number;
  /** Failed attempts in the current run. */
  readonly attempts: number;
  readonly parkReason: WebhookParkReason | null;
  readonly lastError: string | null;
}

/** Distributes over the union so that switching on `type` narrows `data`. */
type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;
type StreamEvent = RecordedOf<WebhookDeliveryEvent | WebhookDeliveryRedriven>;

function evolve(record: DeliveryRecord, event: StreamEvent): DeliveryRecord {
  const next = { ...record, revision: event.revision };
  switch (event.type) {
    case 'WebhookDeliveryFailed':
      return { ...next, attempts: event.data.attempt, lastError: event.data.error };
    case 'WebhookDeliveryProcessed':
      return { ...next, status: 'processed' };
    case 'WebhookDeliveryIgnored':
      return { ...next, status: 'ignored' };
    case 'WebhookDeliveryParked':
      return { ...next, status: 'parked', parkReason: event.data.reason, lastError: event.data.error };
    case 'WebhookDeliveryRedriven':
      return { ...next, status: 'pending', run: event.data.run, attempts: 0, parkReason: null };
    default:
      return next;
  }
}

/** The delivery's record, or null when no delivery with this id was received. */
export async function loadDelivery(store: EventStore, deliveryId: string): Promise<DeliveryRecord | null> {
  const events = (await collect(store.readStream(webhookDeliveryStream(deliveryId)))) as StreamEvent[];
  const [first, ...rest] = events;
  if (first?.type !== 'WebhookDeliveryReceived') return null;
  const initial: DeliveryRecord = { received: first, status: 'pending', revision: first.revision, run: 0, attempts: 0, parkReason: null, lastError: null };
  return rest.reduce(evolve, initial);
}
