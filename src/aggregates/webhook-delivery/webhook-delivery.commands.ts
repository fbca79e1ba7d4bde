import type { Command } from '../../core/messages';
import type { WebhookDeliveryConflicted, WebhookDeliveryReceived, WebhookDeliveryRejected } from './webhook-delivery.events';

/** The inbox stores an accepted delivery; a copy of one already stored changes nothing. */
export type ReceiveWebhookDelivery = Command<'ReceiveWebhookDelivery', Required<WebhookDeliveryReceived['data']>>;

/**
 * The worker's outcome of attempt `attempt` (1-based, the one after the failures of the current
 * run). `retryAt` comes from the worker's retry policy: null when no retry follows.
 */
export type RecordDeliveryProcessed = Command<'RecordDeliveryProcessed', { deliveryId: string; attempt: number; commands: number }>;
export type RecordDeliveryIgnored = Command<'RecordDeliveryIgnored', { deliveryId: string; attempt: number; reason: string }>;
export type ParkDelivery = Command<'ParkDelivery', { deliveryId: string; attempt: number; reason: 'unmapped' | 'invalid'; error: string }>;
export type RecordDeliveryFailure = Command<
  'RecordDeliveryFailure',
  { deliveryId: string; attempt: number; error: string; code: string; retryable: boolean; retryAt: string | null }
>;

/** A person hands a parked delivery back to the worker. */
export type RedriveDelivery = Command<'RedriveDelivery', { deliveryId: string }>;

export type WebhookDeliveryCommand =
  | ReceiveWebhookDelivery
  | RecordDeliveryProcessed
  | RecordDeliveryIgnored
  | ParkDelivery
  | RecordDeliveryFailure
  | RedriveDelivery;

/** A copy of a stored delivery with another body, kept once per distinct body on `WebhookConflict-<conflictId>`. */
export type RecordWebhookConflict = Command<'RecordWebhookConflict', { conflictId: string; conflict: WebhookDeliveryConflicted['data'] }>;

/** A request refused at the door (or a summary of those only counted), on `WebhookRejection-<tool>`. */
export type RecordWebhookRejection = Command<'RecordWebhookRejection', { rejection: WebhookDeliveryRejected['data'] }>;

export type WebhookIntakeCommand = WebhookDeliveryCommand | RecordWebhookConflict | RecordWebhookRejection;
