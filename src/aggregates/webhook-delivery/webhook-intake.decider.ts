import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure } from '../shared/rules';
import type { RecordWebhookConflict, RecordWebhookRejection } from './webhook-delivery.commands';
import { webhookRejectionReasons, type WebhookDeliveryConflicted, type WebhookDeliveryRejected } from './webhook-delivery.events';

export const webhookConflictStream = (conflictId: string) => streamName('WebhookConflict', conflictId);
export const webhookRejectionStream = (tool: string) => streamName('WebhookRejection', tool);

/** One conflicting copy of a delivery (its id derives from the delivery and the body): recorded once. */
export const webhookConflictDecider: Decider<RecordWebhookConflict, WebhookDeliveryConflicted, { readonly recorded: boolean }> = {
  initialState: { recorded: false },
  decide: ({ data }, state) => (state.recorded ? [] : [{ type: 'WebhookDeliveryConflicted', data: data.conflict }]),
  evolve: (state, event) => (event.type === 'WebhookDeliveryConflicted' ? { recorded: true } : state),
};

/**
 * The quarantine's log of refused requests per tool: every refusal is recorded as it comes, so the
 * stream (which grows for ever) is never read to decide.
 */
export const webhookRejectionDecider: Decider<RecordWebhookRejection, WebhookDeliveryRejected, null> = {
  initialState: null,
  logOnly: true,
  decide({ data: { rejection } }) {
    ensure(webhookRejectionReasons.includes(rejection.reason), 'webhook_rejection.unknown_reason', `reason must be one of ${webhookRejectionReasons.join(', ')}, got "${rejection.reason}"`);
    return [{ type: 'WebhookDeliveryRejected', data: rejection }];
  },
  evolve: (state) => state,
};
