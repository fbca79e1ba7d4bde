import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import { eventually, type IngestHarness, openIngestHarness, secretEnv } from '../../testing/ingest/ingest.fixtures';
import type { WebhookWorker } from './webhook-worker';
import { deliveryEvents, MutableIdentities, sendOp, startTestWorker, typesOf } from '../../testing/ingest/worker.fixtures';

let harness: IngestHarness;
let worker: WebhookWorker | null = null;

async function open(env: Record<string, string> = {}) {
  harness = await openIngestHarness({ ...secretEnv(), WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_MS: '1', ...env });
  return harness;
}

afterEach(async () => {
  await worker?.stop();
  worker = null;
  await harness.close();
});

const ticketEvents = (ticketId = 'T-1') => collect(harness.store.readStream(`Ticket-${ticketId}`));
const settled = (opId: string, last: string) =>
  eventually(async () => {
    const events = await deliveryEvents(harness, opId);
    return events.at(-1)?.type === last ? events : undefined;
  });

describe('webhook worker', () => {
  it('executes the translated commands with the delivery as cause, then records Processed', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    expect(await sendOp(harness, { id: 'op-1', op: 'open' })).toBe(202);
    const events = await settled('op-1', 'WebhookDeliveryProcessed');
    const [opened] = await ticketEvents();
    expect(opened!.metadata).toMatchObject({
      actor: 'webhook:plane',
      causationId: events[0]!.id,
      correlationId: events[0]!.metadata.correlationId,
      source: { tool: 'plane', externalId: 'op-1' },
    });
    expect(events.at(-1)!.data).toMatchObject({ commands: 1 });
  });

  it('stores the delivery and its outcome as the log always held them: same ids, metadata and payload keys', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    await sendOp(harness, { id: 'op-shape', op: 'open' });
    const [received, processed] = await settled('op-shape', 'WebhookDeliveryProcessed');
    const { deliveryId } = received!.data as { deliveryId: string };

    expect(Object.keys(received!.data)).toEqual(['deliveryId', 'tool', 'dedupeKey', 'eventKind', 'receivedAt', 'headers', 'payload']);
    expect(received!.metadata).toEqual({ occurredAt: (received!.data as { receivedAt: string }).receivedAt, recordedAt: expect.any(String), correlationId: expect.any(String), causationId: null, actor: 'webhook:plane' });
    expect(Object.keys(received!.metadata)).toEqual(['occurredAt', 'correlationId', 'causationId', 'actor', 'recordedAt']);
    expect(processed!.id).toBe(deterministicId(`WebhookDeliveryProcessed\u0000${deliveryId}\u00000\u00001`));
    expect(processed!.data).toEqual({ deliveryId, tool: 'plane', commands: 1 });
    expect(Object.keys(processed!.data)).toEqual(['deliveryId', 'tool', 'commands']);
    expect(processed!.metadata).toEqual({ occurredAt: expect.any(String), recordedAt: expect.any(String), correlationId: received!.metadata.correlationId, causationId: received!.id, actor: 'system:webhook-worker' });
    expect(Object.keys(processed!.metadata)).toEqual(['occurredAt', 'correlationId', 'causationId', 'actor', 'recordedAt']);
  });

  it('applies a delivery sent three times at once once', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    const statuses = await Promise.all([1, 2, 3].map(() => sendOp(harness, { id: 'op-3x', op: 'open' })));
    expect(statuses).toEqual([202, 202, 202]);
    const events = await settled('op-3x', 'WebhookDeliveryProcessed');
    expect(typesOf(events)).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryProcessed']);
    expect(typesOf(await ticketEvents())).toEqual(['TicketOpened']);
  });

  it('retries a "not yet" rule violation until the earlier delivery arrives, so out-of-order deliveries converge', async () => {
    await open({ WEBHOOK_MAX_ATTEMPTS: '50', WEBHOOK_RETRY_BASE_MS: '5' });
    worker = await startTestWorker(harness.services);
    await sendOp(harness, { id: 'resolve-first', op: 'resolve', at: '2026-06-02T00:00:00.000Z' });
    await eventually(async () => ((await deliveryEvents(harness, 'resolve-first')).some((event) => event.type === 'WebhookDeliveryFailed') ? true : undefined));
    await sendOp(harness, { id: 'open-later', op: 'open' });
    const events = await settled('resolve-first', 'WebhookDeliveryProcessed');
    expect(events.find((event) => event.type === 'WebhookDeliveryFailed')!.data).toMatchObject({ code: 'ticket.not_opened', retryable: true, attempt: 1 });
    expect(typesOf(await ticketEvents())).toEqual(['TicketOpened', 'TicketResolved']);
  });

  it('retries a retryable failure with backoff, then parks it as retries_exhausted', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    await sendOp(harness, { id: 'op-down', op: 'upstream_down' });
    const events = await settled('op-down', 'WebhookDeliveryParked');
    expect(typesOf(events)).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryFailed', 'WebhookDeliveryFailed', 'WebhookDeliveryFailed', 'WebhookDeliveryParked']);
    const failures = events.filter((event) => event.type === 'WebhookDeliveryFailed').map((event) => event.data as any);
    expect(failures.map((failure) => [failure.attempt, failure.retryable, failure.retryAt === null])).toEqual([
      [1, true, false],
      [2, true, false],
      [3, true, true],
    ]);
    expect(events.at(-1)!.data).toMatchObject({ reason: 'retries_exhausted', error: 'identity store unavailable' });
  });

  it('parks a rule violation that means the data is wrong at once, as invalid', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    await sendOp(harness, { id: 'open-for-rating', op: 'open' });
    await settled('open-for-rating', 'WebhookDeliveryProcessed');
    await sendOp(harness, { id: 'bad-rating', op: 'rate_badly' });
    const events = await settled('bad-rating', 'WebhookDeliveryParked');
    expect(events.slice(1).map((event) => event.data)).toEqual([
      expect.objectContaining({ attempt: 1, retryable: false, code: 'csat.out_of_range' }),
      expect.objectContaining({ reason: 'invalid' }),
    ]);
  });

  it('records ignored, invalid and unmapped translations without commands', async () => {
    await open();
    worker = await startTestWorker(harness.services);
    await sendOp(harness, { id: 'op-ignore', op: 'ignore' });
    await sendOp(harness, { id: 'op-invalid', op: 'invalid' });
    await sendOp(harness, { id: 'op-unmapped', op: 'open_for_contact', contact: 'contact-7' });
    await settled('op-ignore', 'WebhookDeliveryIgnored');
    expect((await settled('op-invalid', 'WebhookDeliveryParked')).at(-1)!.data).toMatchObject({ reason: 'invalid', error: 'no subject' });
    expect((await settled('op-unmapped', 'WebhookDeliveryParked')).at(-1)!.data).toMatchObject({ reason: 'unmapped', error: expect.stringContaining('contact-7') });
  });

  it('retries, not parks, a delivery for an unknown contact while the client links are behind it, and processes it once the link shows', async () => {
    // Given the link is recorded but the identity read model (written by another process) is behind
    await open({ WEBHOOK_MAX_ATTEMPTS: '50', WEBHOOK_RETRY_BASE_MS: '5' });
    const identities = new MutableIdentities();
    let linksCaughtUp = false;
    worker = await startTestWorker(harness.services, identities, async () => linksCaughtUp);

    // When a delivery for that contact arrives
    await sendOp(harness, { id: 'op-linked', op: 'open_for_contact', contact: 'contact-9' });

    // Then it fails retryably until the read model shows the link, then opens the ticket
    const failed = await eventually(async () => (await deliveryEvents(harness, 'op-linked')).find((event) => event.type === 'WebhookDeliveryFailed'));
    expect(failed.data).toMatchObject({ code: 'ingest.read_models_behind', retryable: true });
    identities.links['plane:contact-9'] = 'client-1';
    linksCaughtUp = true;
    const events = await settled('op-linked', 'WebhookDeliveryProcessed');
    expect(typesOf(events)).not.toContain('WebhookDeliveryParked');
    expect(typesOf(await ticketEvents())).toEqual(['TicketOpened']);
  });
});
