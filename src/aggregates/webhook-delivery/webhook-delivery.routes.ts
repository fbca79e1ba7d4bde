import type { CommandRoutes } from '../command-route';
import type { WebhookIntakeCommand } from './webhook-delivery.commands';
import { webhookDeliveryDecider, webhookDeliveryStream } from './webhook-delivery.decider';
import { webhookConflictDecider, webhookConflictStream, webhookRejectionDecider, webhookRejectionStream } from './webhook-intake.decider';

const delivery = { decider: webhookDeliveryDecider, streamOf: (command: { data: { deliveryId: string } }) => webhookDeliveryStream(command.data.deliveryId) };

/** Webhook intake: each delivery's life on `WebhookDelivery-<id>`, conflicting copies and the quarantine's refusals. */
export const webhookDeliveryRoutes: CommandRoutes<WebhookIntakeCommand> = {
  ReceiveWebhookDelivery: delivery,
  RecordDeliveryProcessed: delivery,
  RecordDeliveryIgnored: delivery,
  ParkDelivery: delivery,
  RecordDeliveryFailure: delivery,
  RedriveDelivery: delivery,
  RecordWebhookConflict: { decider: webhookConflictDecider, streamOf: (command) => webhookConflictStream(command.data.conflictId) },
  RecordWebhookRejection: { decider: webhookRejectionDecider, streamOf: (command) => webhookRejectionStream(command.data.rejection.tool) },
};
