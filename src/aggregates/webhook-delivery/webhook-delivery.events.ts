import type { DomainEvent } from '../../core/messages';
import type { Json } from '../../core/read-store.port';

/**
 * The life of one accepted webhook delivery, on its own stream (`WebhookDelivery-<deliveryId>`):
 * received, then processed, ignored or parked, possibly after failures that are retried; a parked
 * one may be redriven for a new run of attempts.
 * Instants are ISO-8601 UTC; the event's `occurredAt` is when each step happened.
 *
 * Received is the durable inbox: it carries the delivery itself (`payload`, the parsed body of this
 * one delivery, and `headers` without secrets or signatures), so nothing depends on the request.
 */
export type WebhookDeliveryReceived = DomainEvent<
  'WebhookDeliveryReceived',
  {
    deliveryId: string;
    tool: string;
    dedupeKey: string;
    eventKind: string;
    receivedAt: string;
    headers?: Record<string, string>;
    payload?: Json;
  }
>;

/** Translated into `commands` domain commands (0 when they were all already satisfied). */
export type WebhookDeliveryProcessed = DomainEvent<'WebhookDeliveryProcessed', { deliveryId: string; tool: string; commands: number }>;

/** A well-formed delivery of a kind we do not act on; `reason` says why (absent on ones ignored before reasons were kept). */
export type WebhookDeliveryIgnored = DomainEvent<'WebhookDeliveryIgnored', { deliveryId: string; tool: string; eventKind: string; reason?: string }>;

/**
 * One failed processing attempt (1-based); a retryable failure is tried again at `retryAt` (absent
 * when no retry follows: the delivery is parked right after). `code` is the error's stable code.
 */
export type WebhookDeliveryFailed = DomainEvent<
  'WebhookDeliveryFailed',
  { deliveryId: string; tool: string; error: string; attempt: number; retryable: boolean; code?: string; retryAt?: string | null }
>;

export const webhookParkReasons = ['unmapped', 'retries_exhausted', 'invalid'] as const;
export type WebhookParkReason = (typeof webhookParkReasons)[number];

/** Set aside for a person to look at; nothing retries it automatically. */
export type WebhookDeliveryParked = DomainEvent<
  'WebhookDeliveryParked',
  { deliveryId: string; tool: string; reason: WebhookParkReason; error: string }
>;

/**
 * A person asked for a parked delivery to be processed again (after fixing a mapping or a bug).
 * On the delivery's stream; the worker starts a new run of attempts. The read model keeps showing
 * it parked until the new run's outcome.
 */
export type WebhookDeliveryRedriven = DomainEvent<
  'WebhookDeliveryRedriven',
  { deliveryId: string; tool: string; previousReason: WebhookParkReason; run: number }
>;

export const webhookRejectionReasons = [
  'bad_signature',
  'stale_timestamp',
  'malformed',
  'too_large',
  'unknown_tool',
  'missing_signature',
  'tool_disabled',
  'method_not_allowed',
] as const;
export type WebhookRejectionReason = (typeof webhookRejectionReasons)[number];

/** Requests refused beyond the quarantine's rate limit: only counted, per reason. */
export interface WebhookRejectionSummary {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly suppressed: number;
  readonly byReason: Partial<Record<WebhookRejectionReason, number>>;
}

/**
 * A request refused at the door (never accepted as a delivery, so it has no delivery id); on the
 * tool's stream `WebhookRejection-<tool>`. The quarantine adds what an operator needs to see why:
 * `detail`, the request's `method` and `path`, a size-capped UTF-8 `excerpt` of the body (with
 * `bodyBytes`, its full size as read) and `headers` without secrets or signatures. A `summary`
 * event stands for the requests refused beyond the rate limit in a window (reason: the most frequent).
 */
export type WebhookDeliveryRejected = DomainEvent<
  'WebhookDeliveryRejected',
  {
    tool: string;
    reason: WebhookRejectionReason;
    receivedAt: string;
    detail?: string;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    excerpt?: string;
    bodyBytes?: number;
    summary?: WebhookRejectionSummary;
  }
>;

/**
 * An authenticated sender delivered a body under a delivery identity already stored with another
 * body (same Plane `event_id`, same Invoice Ninja id + updated_at…). The first stays the delivery;
 * this one is kept for an admin to look at, on `WebhookConflict-<id>` (id from the delivery and the
 * body's digest, so the same conflicting copy is recorded once).
 */
export type WebhookDeliveryConflicted = DomainEvent<
  'WebhookDeliveryConflicted',
  {
    deliveryId: string;
    tool: string;
    dedupeKey: string;
    eventKind: string;
    receivedAt: string;
    /** When the delivery stored under this identity was received. */
    firstReceivedAt: string;
    /** SHA-256 of the canonical JSON of each payload. */
    firstPayloadDigest: string;
    payloadDigest: string;
    headers: Record<string, string>;
    payload: Json;
  }
>;

/** What the read model of deliveries follows (the redrive is not in it: it keeps showing the delivery parked). */
export type WebhookDeliveryEvent =
  | WebhookDeliveryReceived
  | WebhookDeliveryProcessed
  | WebhookDeliveryIgnored
  | WebhookDeliveryFailed
  | WebhookDeliveryParked
  | WebhookDeliveryRejected;

/** Every event of a `WebhookDelivery-` stream. */
export type WebhookDeliveryLifecycleEvent =
  | WebhookDeliveryReceived
  | WebhookDeliveryProcessed
  | WebhookDeliveryIgnored
  | WebhookDeliveryFailed
  | WebhookDeliveryParked
  | WebhookDeliveryRedriven;
