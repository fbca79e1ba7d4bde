import type { WebhookDeliveryEvent, WebhookParkReason, WebhookRejectionReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';

export type WebhookDeliveryStatus = 'received' | 'failed' | 'processed' | 'ignored' | 'parked';

export type WebhookFailure = { at: string; attempt: number; error: string; retryable: boolean };

/** An accepted delivery. `settledAt` is when it was last processed, ignored or parked (null while pending). */
export interface WebhookDeliveryDocument extends ReadDocument {
  readonly kind: 'delivery';
  readonly deliveryId: string;
  readonly tool: string;
  readonly dedupeKey: string;
  readonly eventKind: string;
  readonly receivedAt: string;
  readonly status: WebhookDeliveryStatus;
  readonly failures: WebhookFailure[];
  readonly processedAt: string | null;
  readonly ignoredAt: string | null;
  /** Why an ignored delivery changes nothing, as its translator said (absent before reasons were kept). */
  readonly ignoreReason?: string | null;
  readonly parkedAt: string | null;
  readonly parkReason: WebhookParkReason | null;
  readonly settledAt: string | null;
  readonly commands: number | null;
  /** Latest event instant, so a period's activity is found by one range filter. */
  readonly lastEventAt: string;
}

/** Requests refused at the door; one document per rejection event. */
export interface WebhookRejectionDocument extends ReadDocument {
  readonly kind: 'rejection';
  readonly tool: string;
  readonly reason: WebhookRejectionReason;
  /** 1, or for the quarantine's rate-limit summary the number of requests it stands for. */
  readonly requests: number;
  readonly receivedAt: string;
  readonly lastEventAt: string;
}

export type WebhookDocument = WebhookDeliveryDocument | WebhookRejectionDocument;

type Event = RecordedOf<WebhookDeliveryEvent>;

function rejected(event: RecordedOfType<WebhookDeliveryEvent, 'WebhookDeliveryRejected'>, id: string): WebhookRejectionDocument {
  // The rate-limit summary (`summary.suppressed`) is read structurally: older rejections have none.
  const summary = (event.data as { summary?: { suppressed?: number } }).summary;
  const at = occurredAt(event);
  return { _id: id, kind: 'rejection', tool: event.data.tool, reason: event.data.reason, requests: summary?.suppressed ?? 1, receivedAt: at, lastEventAt: at };
}

function received(event: RecordedOfType<WebhookDeliveryEvent, 'WebhookDeliveryReceived'>, id: string): WebhookDeliveryDocument {
  const { deliveryId, tool, dedupeKey, eventKind } = event.data;
  const at = occurredAt(event);
  const outcome = { failures: [], processedAt: null, ignoredAt: null, parkedAt: null, parkReason: null, settledAt: null, commands: null };
  return { _id: id, kind: 'delivery', deliveryId, tool, dedupeKey, eventKind, receivedAt: at, status: 'received', ...outcome, lastEventAt: at };
}

/**
 * Processed and ignored are final: a late report of another outcome changes nothing. A parked
 * delivery may be replayed by hand, so it can still fail again or be processed.
 */
function evolveDelivery(delivery: WebhookDeliveryDocument, event: Event, at: string): WebhookDeliveryDocument {
  if (delivery.status === 'processed' || delivery.status === 'ignored') return delivery;
  const touched = { ...delivery, lastEventAt: at > delivery.lastEventAt ? at : delivery.lastEventAt };
  switch (event.type) {
    case 'WebhookDeliveryFailed': {
      const { attempt, error, retryable } = event.data;
      return { ...touched, status: 'failed', settledAt: null, failures: [...delivery.failures, { at, attempt, error, retryable }] };
    }
    case 'WebhookDeliveryProcessed':
      return { ...touched, status: 'processed', processedAt: at, settledAt: at, commands: event.data.commands };
    case 'WebhookDeliveryIgnored':
      return { ...touched, status: 'ignored', ignoredAt: at, settledAt: at, ignoreReason: event.data.reason ?? null };
    case 'WebhookDeliveryParked':
      return { ...touched, status: 'parked', parkedAt: at, parkReason: event.data.reason, settledAt: at };
    default:
      return delivery;
  }
}

export const webhookDeliveriesProjection: Projection<WebhookDocument> = {
  name: 'webhook_deliveries',
  version: 1,
  handles: ['WebhookDeliveryReceived', 'WebhookDeliveryProcessed', 'WebhookDeliveryIgnored', 'WebhookDeliveryFailed', 'WebhookDeliveryParked', 'WebhookDeliveryRejected'],
  // A rejection has no delivery id; the event's own id keeps replays on the same document.
  documentIds: (event) => [event.type === 'WebhookDeliveryRejected' ? `rejection:${event.id}` : (event.data as { deliveryId: string }).deliveryId],
  evolve(document, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'WebhookDeliveryRejected') return document ?? rejected(event, id);
    if (event.type === 'WebhookDeliveryReceived') return document ?? received(event, id);
    return document?.kind === 'delivery' ? evolveDelivery(document, event, occurredAt(event)) : null;
  },
  indexes: [
    { name: 'webhook_deliveries_last_event_at', fields: ['lastEventAt'] },
    { name: 'webhook_deliveries_backlog', fields: ['kind', 'settledAt', 'receivedAt'] },
  ],
};
