import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { commandRoutes, type BusinessCommand } from '../../aggregates';
import { createCommandBus } from '../../aggregates/command-bus';
import { webhookDeliveryStream } from '../../aggregates/webhook-delivery/webhook-delivery.decider';
import { collect, type EventStore } from '../../core/event-store.port';
import { webhookTools, type Translator, type WebhookTool } from '../delivery';
import { WebhookInbox } from '../inbox/webhook-inbox';
import { DeliveryProcessor } from './delivery-processor';
import { countingReads } from '../../testing/counting-reads';

const ignore: Translator = () => ({ outcome: 'ignored', reason: 'not a kind the product uses' });
const translators = Object.fromEntries(webhookTools.map((tool) => [tool, ignore])) as Record<WebhookTool, Translator>;
const identities = () => ({ clientByToolId: () => null, clientByEmailDomain: () => null });

describe('reads per webhook delivery', () => {
  let inner: EventStore;
  let store: EventStore & { reads: number };
  beforeEach(async () => {
    inner = await openSqliteEventStore({ path: ':memory:' });
    store = countingReads(inner);
  });
  afterEach(() => inner.close());

  it('stores a delivery without reading and records an attempt after one read of its stream', async () => {
    const drafts = [1, 2, 3].map((id) => ({ dedupeKey: `conv-${id}`, eventKind: 'conversation_updated', payload: { id } }));
    const stored = await new WebhookInbox(store).accept(drafts, { tool: 'chatwoot', receivedAt: '2026-03-02T00:05:00.000Z', correlationId: 'corr-1', headers: {} });
    expect(store.reads).toBe(0);

    const processor = new DeliveryProcessor({
      store,
      clock: () => new Date('2026-03-02T00:05:01.000Z'),
      policy: { maxAttempts: 3, baseMs: 10, capMs: 1_000, random: () => 0.5 },
      commands: createCommandBus<BusinessCommand>(store, commandRoutes),
      translators,
      identities,
    });
    for (const { deliveryId } of stored) expect(await processor.process(deliveryId)).toEqual({ kind: 'settled' });

    expect(store.reads).toBe(3);
    const types = await Promise.all(stored.map(async ({ deliveryId }) => (await collect(inner.readStream(webhookDeliveryStream(deliveryId)))).map((event) => event.type)));
    expect(types).toEqual([1, 2, 3].map(() => ['WebhookDeliveryReceived', 'WebhookDeliveryIgnored']));
  });
});
