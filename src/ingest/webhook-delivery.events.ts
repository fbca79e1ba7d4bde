import type { DomainEvent } from '../core/messages';
import { streamName } from '../core/stream-name';

/**
 * The life of one accepted webhook delivery, on its own stream (`WebhookDelivery-<deliveryId>`):
 * received, then processed, ignored or parked, possibly after failures that are retried.
 * Instants are ISO-8601 UTC; the event's `occurredAt` is when each step happened.
 */
export type WebhookDeliveryReceived = DomainEvent<
  'WebhookDeliveryReceived',
  { deliveryId: string; tool: string; dedupeKey: string; eventKind: string; receivedAt: string }
>;

/** Translated into `commands` domain commands (0 when they were all already satisfied). */
export type WebhookDeliveryProcessed = DomainEvent<'WebhookDeliveryProcessed', { deliveryId: string; tool: string; commands: number }>;

/** A well-formed delivery of a kind we do not act on. */
export type WebhookDeliveryIgnored = DomainEvent<'WebhookDeliveryIgnored', { deliveryId: string; tool: string; eventKind: string }>;

/** One failed processing attempt (1-based); a retryable failure is tried again. */
export type WebhookDeliveryFailed = DomainEvent<
  'WebhookDeliveryFailed',
  { deliveryId: string; tool: string; error: string; attempt: number; retryable: boolean }
>;

export const webhookParkReasons = ['unmapped', 'retries_exhausted', 'invalid'] as const;
export type WebhookParkReason = (typeof webhookParkReasons)[number];

/** Set aside for a person to look at; nothing retries it automatically. */
export type WebhookDeliveryParked = DomainEvent<
  'WebhookDeliveryParked',
  { deliveryId: string; tool: string; reason: WebhookParkReason; error: string }
>;

export const webhookRejectionReasons = ['bad_signature', 'stale_timestamp', 'malformed', 'too_large', 'unknown_tool', 'missing_signature'] as const;
export type WebhookRejectionReason = (typeof webhookRejectionReasons)[number];

/**
 * A request refused at the door (never accepted as a delivery, so it has no delivery id); on the
 * tool's stream `WebhookRejection-<tool>`.
 */
export type WebhookDeliveryRejected = DomainEvent<'WebhookDeliveryRejected', { tool: string; reason: WebhookRejectionReason; receivedAt: string }>;

export type WebhookDeliveryEvent =
  | WebhookDeliveryReceived
  | WebhookDeliveryProcessed
  | WebhookDeliveryIgnored
  | WebhookDeliveryFailed
  | WebhookDeliveryParked
  | WebhookDeliveryRejected;

export const webhookDeliveryStream = (deliveryId: string) => streamName('WebhookDelivery', deliveryId);
export const webhookRejectionStream = (tool: string) => streamName('WebhookRejection', tool);
