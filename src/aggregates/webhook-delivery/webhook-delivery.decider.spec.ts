import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { WebhookDeliveryCommand } from './webhook-delivery.commands';
import { webhookDeliveryDecider, webhookDeliveryStream } from './webhook-delivery.decider';
import type { WebhookDeliveryLifecycleEvent } from './webhook-delivery.events';

const spec = deciderSpec(webhookDeliveryDecider);
const at = '2026-03-02T00:05:00.000Z';
const deliveryId = 'd-1';
const tool = 'chatwoot';
const delivery = { deliveryId, tool, dedupeKey: 'conv-9', eventKind: 'conversation_created', receivedAt: at, headers: { 'content-type': 'application/json' }, payload: { id: 9 } };

const receive: WebhookDeliveryCommand = { type: 'ReceiveWebhookDelivery', occurredAt: at, data: delivery };
const received: WebhookDeliveryLifecycleEvent = { type: 'WebhookDeliveryReceived', data: delivery };
const processedCommand = (attempt = 1): WebhookDeliveryCommand => ({ type: 'RecordDeliveryProcessed', occurredAt: at, data: { deliveryId, attempt, commands: 2 } });
const failure = (attempt: number, retryAt: string | null, retryable = true): WebhookDeliveryCommand => ({
  type: 'RecordDeliveryFailure',
  occurredAt: at,
  data: { deliveryId, attempt, error: 'upstream 503', code: 'upstream.unavailable', retryable, retryAt },
});
const failed = (attempt: number, retryAt: string | null, retryable = true): WebhookDeliveryLifecycleEvent => ({
  type: 'WebhookDeliveryFailed',
  data: { deliveryId, tool, error: 'upstream 503', code: 'upstream.unavailable', attempt, retryable, retryAt },
});
const parkedUnmapped: WebhookDeliveryLifecycleEvent = { type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason: 'unmapped', error: 'chatwoot 42: no client' } };
const redrive: WebhookDeliveryCommand = { type: 'RedriveDelivery', occurredAt: at, data: { deliveryId } };
const redriven = (run: number): WebhookDeliveryLifecycleEvent => ({ type: 'WebhookDeliveryRedriven', data: { deliveryId, tool, previousReason: 'unmapped', run } });

describe('webhook delivery decider', () => {
  it('receives a delivery with its headers and payload', () => spec.given([]).when(receive).then([received]));

  it('treats a copy of a delivery already received as a no-op', () => spec.given([received]).when(receive).thenNothingHappens());

  it('refuses a delivery from a tool that sends no webhooks', () =>
    spec.given([]).when({ ...receive, data: { ...delivery, tool: 'jira' } } as WebhookDeliveryCommand).thenRejects('webhook_delivery.unknown_tool'));

  it('records a processed attempt with the number of commands it appended', () =>
    spec.given([received]).when(processedCommand()).then([{ type: 'WebhookDeliveryProcessed', data: { deliveryId, tool, commands: 2 } }]));

  it('records an ignored delivery with its event kind and reason', () =>
    spec
      .given([received])
      .when({ type: 'RecordDeliveryIgnored', occurredAt: at, data: { deliveryId, attempt: 1, reason: 'kind not used' } })
      .then([{ type: 'WebhookDeliveryIgnored', data: { deliveryId, tool, eventKind: 'conversation_created', reason: 'kind not used' } }]));

  it('parks a delivery that names a party no mapping links yet', () =>
    spec
      .given([received])
      .when({ type: 'ParkDelivery', occurredAt: at, data: { deliveryId, attempt: 1, reason: 'unmapped', error: 'chatwoot 42: no client' } })
      .then([parkedUnmapped]));

  it('records a retryable failure with when it is tried again', () =>
    spec.given([received]).when(failure(1, '2026-03-02T00:06:00.000Z')).then([failed(1, '2026-03-02T00:06:00.000Z')]));

  it('parks a retryable failure with no retry left as retries_exhausted, in the same decision', () =>
    spec
      .given([received, failed(1, at), failed(2, at)])
      .when(failure(3, null))
      .then([failed(3, null), { type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason: 'retries_exhausted', error: 'upstream 503' } }]));

  it('parks a failure that cannot succeed on retry as invalid', () =>
    spec
      .given([received])
      .when(failure(1, null, false))
      .then([failed(1, null, false), { type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason: 'invalid', error: 'upstream 503' } }]));

  it('refuses an outcome for an attempt other than the next one', () => spec.given([received, failed(1, at)]).when(processedCommand(1)).thenRejects('webhook_delivery.attempt_out_of_order'));

  it('refuses an outcome for a delivery that is already settled', () =>
    spec.given([received, { type: 'WebhookDeliveryProcessed', data: { deliveryId, tool, commands: 1 } }]).when(processedCommand(1)).thenRejects('webhook_delivery.not_pending'));

  it('refuses an outcome for a delivery never received', () => spec.given([]).when(processedCommand()).thenRejects('webhook_delivery.not_found'));

  it('redrives a parked delivery into its next run', () => spec.given([received, parkedUnmapped]).when(redrive).then([redriven(1)]));

  it('starts the attempts of a redriven run from one again', () =>
    spec.given([received, failed(1, at), parkedUnmapped, redriven(1)]).when(processedCommand(1)).then([{ type: 'WebhookDeliveryProcessed', data: { deliveryId, tool, commands: 2 } }]));

  it('counts runs across redrives', () => spec.given([received, parkedUnmapped, redriven(1), parkedUnmapped]).when(redrive).then([redriven(2)]));

  it('refuses to redrive a delivery that is not parked', () => spec.given([received]).when(redrive).thenRejects('webhook_delivery.not_parked'));

  it('refuses to redrive a delivery never received', () => spec.given([]).when(redrive).thenRejects('webhook_delivery.not_found'));

  it('keeps each delivery on its own stream', () => expect(webhookDeliveryStream('d-1')).toBe('WebhookDelivery-d-1'));
});
