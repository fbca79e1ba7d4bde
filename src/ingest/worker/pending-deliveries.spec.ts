import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/messages';
import { PendingDeliveries } from './pending-deliveries';

const event = (position: bigint, type: string, deliveryId: string, data: object = {}): RecordedEvent =>
  ({ id: `e${position}`, type, data: { deliveryId, ...data }, position, revision: 0n, stream: `WebhookDelivery-${deliveryId}`, metadata: {} }) as RecordedEvent;

describe('pending deliveries', () => {
  it('makes received deliveries due at once and failed ones at their retry time', () => {
    const pending = new PendingDeliveries(null);
    pending.observe(event(1n, 'WebhookDeliveryReceived', 'a'), 1_000);
    pending.observe(event(2n, 'WebhookDeliveryReceived', 'b'), 1_000);
    pending.observe(event(3n, 'WebhookDeliveryFailed', 'a', { retryAt: new Date(5_000).toISOString() }), 1_000);
    expect(pending.due(1_000, new Set())).toEqual(['b']);
    expect(pending.due(5_000, new Set(['b']))).toEqual(['a']);
    expect(pending.nextDueAt(new Set(['b']))).toBe(5_000);
  });

  it('gives only the earliest due deliveries when asked for a few, retries due before later arrivals', () => {
    const pending = new PendingDeliveries(null);
    ['a', 'b', 'c', 'd'].forEach((id, index) => pending.observe(event(BigInt(index + 1), 'WebhookDeliveryReceived', id), 2_000 + index));
    pending.observe(event(5n, 'WebhookDeliveryFailed', 'd', { retryAt: new Date(1_000).toISOString() }), 2_004);
    pending.observe(event(6n, 'WebhookDeliveryReceived', 'e'), 2_000);
    expect(pending.due(3_000, new Set(['a']), 3)).toEqual(['d', 'e', 'b']);
    expect(pending.due(3_000, new Set(), 0)).toEqual([]);
  });

  it('checkpoints before the oldest unsettled delivery, and at the last event once all are settled', () => {
    const pending = new PendingDeliveries(10n);
    pending.observe(event(11n, 'WebhookDeliveryReceived', 'a'), 0);
    pending.observe(event(12n, 'WebhookDeliveryReceived', 'b'), 0);
    pending.observe(event(13n, 'WebhookDeliveryProcessed', 'b'), 0);
    expect(pending.checkpoint()).toBe(10n);
    pending.observe(event(14n, 'WebhookDeliveryParked', 'a'), 0);
    expect(pending.checkpoint()).toBe(14n);
    pending.observe(event(15n, 'WebhookDeliveryRedriven', 'a'), 0);
    expect([pending.checkpoint(), pending.size]).toEqual([14n, 1]);
  });

  it('ignores a late Failed event for a delivery it no longer tracks', () => {
    const pending = new PendingDeliveries(20n);
    pending.observe(event(21n, 'WebhookDeliveryFailed', 'gone', { retryAt: new Date(0).toISOString() }), 0);
    expect([pending.size, pending.checkpoint()]).toEqual([0, 21n]);
  });
});
