import type { Decider } from '../../core/decider';
import { DomainRuleError, NotFoundError } from '../../core/errors';
import { streamName } from '../../core/stream-name';
import { ensure, ensureNonEmpty } from '../shared/rules';
import type { ParkDelivery, ReceiveWebhookDelivery, RecordDeliveryFailure, RecordDeliveryIgnored, RecordDeliveryProcessed, RedriveDelivery, WebhookDeliveryCommand } from './webhook-delivery.commands';
import type { WebhookDeliveryLifecycleEvent, WebhookParkReason } from './webhook-delivery.events';
import { webhookTools } from './webhook-tool';

export type DeliveryStatus = 'pending' | 'processed' | 'ignored' | 'parked';

export type WebhookDeliveryState =
  | { readonly status: 'none' }
  | {
      readonly status: DeliveryStatus;
      readonly tool: string;
      readonly eventKind: string;
      /** 0 for the first run, then one more per redrive. */
      readonly run: number;
      /** Failed attempts in the current run. */
      readonly attempts: number;
      readonly parkReason: WebhookParkReason | null;
      readonly lastError: string | null;
    };

type Received = Exclude<WebhookDeliveryState, { status: 'none' }>;

export const webhookDeliveryStream = (deliveryId: string) => streamName('WebhookDelivery', deliveryId);

/** One accepted delivery: received once, attempted until processed, ignored or parked; a parked one may be redriven. */
export const webhookDeliveryDecider: Decider<WebhookDeliveryCommand, WebhookDeliveryLifecycleEvent, WebhookDeliveryState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'ReceiveWebhookDelivery':
        return receive(command, state);
      case 'RecordDeliveryProcessed':
        return processed(command, pendingAttempt(state, command.data));
      case 'RecordDeliveryIgnored':
        return ignored(command, pendingAttempt(state, command.data));
      case 'ParkDelivery':
        return park(command, pendingAttempt(state, command.data));
      case 'RecordDeliveryFailure':
        return failure(command, pendingAttempt(state, command.data));
      case 'RedriveDelivery':
        return redrive(command, state);
    }
  },
  evolve(state, event) {
    if (event.type === 'WebhookDeliveryReceived') {
      return state.status !== 'none' ? state : { status: 'pending', tool: event.data.tool, eventKind: event.data.eventKind, run: 0, attempts: 0, parkReason: null, lastError: null };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'WebhookDeliveryFailed':
        return { ...state, attempts: event.data.attempt, lastError: event.data.error };
      case 'WebhookDeliveryProcessed':
        return { ...state, status: 'processed' };
      case 'WebhookDeliveryIgnored':
        return { ...state, status: 'ignored' };
      case 'WebhookDeliveryParked':
        return { ...state, status: 'parked', parkReason: event.data.reason, lastError: event.data.error };
      case 'WebhookDeliveryRedriven':
        return { ...state, status: 'pending', run: event.data.run, attempts: 0, parkReason: null };
      default:
        return state;
    }
  },
};

function receive({ data }: ReceiveWebhookDelivery, state: WebhookDeliveryState): WebhookDeliveryLifecycleEvent[] {
  if (state.status !== 'none') return [];
  ensureNonEmpty(data.deliveryId, 'deliveryId');
  ensure((webhookTools as readonly string[]).includes(data.tool), 'webhook_delivery.unknown_tool', `tool must be one of ${webhookTools.join(', ')}, got "${data.tool}"`);
  const { deliveryId, tool, dedupeKey, eventKind, receivedAt, headers, payload } = data;
  return [{ type: 'WebhookDeliveryReceived', data: { deliveryId, tool, dedupeKey, eventKind, receivedAt, headers, payload } }];
}

/** Outcomes are only for a pending delivery, and for the attempt after the failures recorded in this run. */
function pendingAttempt(state: WebhookDeliveryState, { deliveryId, attempt }: { deliveryId: string; attempt: number }): Received {
  if (state.status === 'none') throw new NotFoundError('webhook_delivery.not_found', `No webhook delivery ${deliveryId}`, { deliveryId });
  ensure(state.status === 'pending', 'webhook_delivery.not_pending', `Webhook delivery ${deliveryId} is ${state.status}, not awaiting an attempt`, { deliveryId, status: state.status });
  ensure(attempt === state.attempts + 1, 'webhook_delivery.attempt_out_of_order', `Webhook delivery ${deliveryId} awaits attempt ${state.attempts + 1}, not ${attempt}`, { deliveryId, attempt });
  return state;
}

function processed({ data }: RecordDeliveryProcessed, state: Received): WebhookDeliveryLifecycleEvent[] {
  return [{ type: 'WebhookDeliveryProcessed', data: { deliveryId: data.deliveryId, tool: state.tool, commands: data.commands } }];
}

function ignored({ data }: RecordDeliveryIgnored, state: Received): WebhookDeliveryLifecycleEvent[] {
  return [{ type: 'WebhookDeliveryIgnored', data: { deliveryId: data.deliveryId, tool: state.tool, eventKind: state.eventKind, reason: data.reason } }];
}

function park({ data }: ParkDelivery, state: Received): WebhookDeliveryLifecycleEvent[] {
  return [{ type: 'WebhookDeliveryParked', data: { deliveryId: data.deliveryId, tool: state.tool, reason: data.reason, error: data.error } }];
}

/** A failure with no retry to follow parks the delivery in the same append. */
function failure({ data }: RecordDeliveryFailure, state: Received): WebhookDeliveryLifecycleEvent[] {
  const { deliveryId, error, code, attempt, retryable, retryAt } = data;
  const failed: WebhookDeliveryLifecycleEvent = { type: 'WebhookDeliveryFailed', data: { deliveryId, tool: state.tool, error, code, attempt, retryable, retryAt } };
  if (retryAt !== null) return [failed];
  return [failed, { type: 'WebhookDeliveryParked', data: { deliveryId, tool: state.tool, reason: retryable ? 'retries_exhausted' : 'invalid', error } }];
}

function redrive({ data: { deliveryId } }: RedriveDelivery, state: WebhookDeliveryState): WebhookDeliveryLifecycleEvent[] {
  if (state.status === 'none') throw new NotFoundError('webhook_delivery.not_found', `No webhook delivery ${deliveryId}`, { deliveryId });
  if (state.status !== 'parked' || state.parkReason === null) {
    throw new DomainRuleError('webhook_delivery.not_parked', `Webhook delivery ${deliveryId} is ${state.status}, not parked`, { deliveryId, status: state.status });
  }
  return [{ type: 'WebhookDeliveryRedriven', data: { deliveryId, tool: state.tool, previousReason: state.parkReason, run: state.run + 1 } }];
}
