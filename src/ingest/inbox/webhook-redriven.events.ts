import type { DomainEvent } from '../../core/messages';
import type { WebhookParkReason } from '../webhook-delivery.events';

/**
 * A person asked for a parked delivery to be processed again (after fixing a mapping or a bug).
 * On the delivery's stream; the worker starts a new run of attempts. The read model keeps showing
 * it parked until the new run's outcome.
 */
export type WebhookDeliveryRedriven = DomainEvent<
  'WebhookDeliveryRedriven',
  { deliveryId: string; tool: string; previousReason: WebhookParkReason; run: number }
>;
