import type { WebhookParkReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';

/** What one processing attempt came to, before it is recorded. */
export type AttemptOutcome =
  | { readonly kind: 'processed'; readonly commands: number }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'parked'; readonly reason: Exclude<WebhookParkReason, 'retries_exhausted'>; readonly error: string }
  | { readonly kind: 'failed'; readonly error: string; readonly code: string; readonly retryable: boolean };

/** What the worker does next with a delivery after an attempt. */
export type NextStep =
  | { readonly kind: 'settled' }
  | { readonly kind: 'retry'; readonly at: number };
