import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { RecordWebhookConflict, RecordWebhookRejection } from './webhook-delivery.commands';
import type { WebhookDeliveryConflicted, WebhookDeliveryRejected } from './webhook-delivery.events';
import { webhookConflictDecider, webhookConflictStream, webhookRejectionDecider, webhookRejectionStream } from './webhook-intake.decider';

const at = '2026-03-02T00:05:00.000Z';
const conflictData: WebhookDeliveryConflicted['data'] = {
  deliveryId: 'd-1',
  tool: 'plane',
  dedupeKey: 'evt-1',
  eventKind: 'issue.updated',
  receivedAt: at,
  firstReceivedAt: '2026-03-02T00:00:00.000Z',
  firstPayloadDigest: 'a'.repeat(64),
  payloadDigest: 'b'.repeat(64),
  headers: {},
  payload: { id: 1 },
};
const recordConflict: RecordWebhookConflict = { type: 'RecordWebhookConflict', occurredAt: at, data: { conflictId: 'c-1', conflict: conflictData } };
const conflicted: WebhookDeliveryConflicted = { type: 'WebhookDeliveryConflicted', data: conflictData };

const rejection: WebhookDeliveryRejected['data'] = { tool: 'plane', reason: 'malformed', receivedAt: at, detail: 'body is not JSON', method: 'POST', path: '/webhooks/plane', headers: {}, excerpt: '{', bodyBytes: 1 };
const reject = (data = rejection): RecordWebhookRejection => ({ type: 'RecordWebhookRejection', occurredAt: at, data: { rejection: data } });

describe('webhook conflict decider', () => {
  const spec = deciderSpec(webhookConflictDecider);
  it('records a copy that came with another body', () => spec.given([]).when(recordConflict).then([conflicted]));
  it('records the same conflicting copy once', () => spec.given([conflicted]).when(recordConflict).thenNothingHappens());
  it('keeps each conflicting body on its own stream', () => expect(webhookConflictStream('c-1')).toBe('WebhookConflict-c-1'));
});

describe('webhook rejection decider', () => {
  const spec = deciderSpec(webhookRejectionDecider);
  it('records every refusal as it comes, the same one again included', () => {
    const rejected: WebhookDeliveryRejected = { type: 'WebhookDeliveryRejected', data: rejection };
    spec.given([]).when(reject()).then([rejected]);
    spec.given([rejected, rejected]).when(reject()).then([rejected]);
  });
  it('refuses a reason the quarantine does not know', () => spec.given([]).when(reject({ ...rejection, reason: 'rude' as 'malformed' })).thenRejects('webhook_rejection.unknown_reason'));
  it('is a log the command handler never reads', () => expect(webhookRejectionDecider.logOnly).toBe(true));
  it('keeps a tool\'s refusals on one stream', () => expect(webhookRejectionStream('plane')).toBe('WebhookRejection-plane'));
});
