import { afterEach, describe, expect, it } from 'vitest';
import { collect, type EventStore } from '../../core/event-store.port';
import { DomainRuleError, NotFoundError } from '../../core/errors';
import { systemClock } from '../../core/time';
import { ParkedDeliveries } from '../inbox/parked-deliveries.service';
import { eventually, type IngestHarness, openIngestHarness, secretEnv } from '../../testing/ingest/ingest.fixtures';
import { webhookWorkerName, type WebhookWorker } from './webhook-worker';
import { deliveryEvents, MutableIdentities, sendOp, startTestWorker, typesOf } from '../../testing/ingest/worker.fixtures';

let harness: IngestHarness;
const workers: WebhookWorker[] = [];

async function open(env: Record<string, string> = {}) {
  harness = await openIngestHarness({ ...secretEnv(), WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_MS: '1', ...env });
}

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  await harness.close();
});

async function start(services = harness.services, identities?: MutableIdentities) {
  const worker = await startTestWorker(services, identities);
  workers.push(worker);
  return worker;
}

const lastIs = (opId: string, type: string) =>
  eventually(async () => {
    const events = await deliveryEvents(harness, opId);
    return events.at(-1)?.type === type ? events : undefined;
  });

/** A store on which the worker dies right after its commands: every outcome append fails. */
function dyingAfterCommands(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return (stream: string, ...rest: unknown[]) =>
        stream.startsWith('WebhookDelivery-') ? Promise.reject(new Error('process killed')) : (target.append as Function).call(target, stream, ...rest);
    },
  });
}

/** A store whose first subscription fails at once, as a dropped connection would. */
function failingFirstSubscription(store: EventStore): EventStore {
  let failed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'subscribe') return Reflect.get(target, property, receiver);
      return (...args: Parameters<EventStore['subscribe']>) => {
        if (failed) return target.subscribe(...args);
        failed = true;
        return { close: async () => undefined, [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('connection dropped')) }) };
      };
    },
  });
}

describe('webhook worker across restarts', () => {
  it('subscribes again after its subscription failed', async () => {
    await open();
    await start({ ...harness.services, eventStore: failingFirstSubscription(harness.store) });
    await sendOp(harness, { id: 'op-after-drop', op: 'open' });
    expect(typesOf(await lastIs('op-after-drop', 'WebhookDeliveryProcessed'))).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryProcessed']);
  });

  it('does not apply a command twice when it crashed between the command and the outcome event', async () => {
    await open({ WEBHOOK_RETRY_BASE_MS: '50' });
    const crashing = await start({ ...harness.services, eventStore: dyingAfterCommands(harness.store) });
    await sendOp(harness, { id: 'op-crash', op: 'open' });
    await eventually(async () => ((await collect(harness.store.readStream('Ticket-T-1'))).length > 0 ? true : undefined));
    await crashing.stop();
    expect(typesOf(await deliveryEvents(harness, 'op-crash'))).toEqual(['WebhookDeliveryReceived']);

    await start();
    const events = await lastIs('op-crash', 'WebhookDeliveryProcessed');
    expect(typesOf(events)).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryProcessed']);
    expect(typesOf(await collect(harness.store.readStream('Ticket-T-1')))).toEqual(['TicketOpened']);
  });

  it('resumes from its checkpoint: settled deliveries stay settled, pending retries go on', async () => {
    await open({ WEBHOOK_RETRY_BASE_MS: '100' });
    const first = await start();
    await sendOp(harness, { id: 'op-done', op: 'open' });
    await lastIs('op-done', 'WebhookDeliveryProcessed');
    await sendOp(harness, { id: 'op-retrying', op: 'upstream_down' });
    await lastIs('op-retrying', 'WebhookDeliveryFailed');
    await first.stop();
    expect((await harness.reads.checkpoint(webhookWorkerName))?.position).not.toBeNull();

    await start();
    const retried = await lastIs('op-retrying', 'WebhookDeliveryParked');
    expect(typesOf(retried).filter((type) => type === 'WebhookDeliveryFailed')).toHaveLength(3);
    expect(typesOf(await deliveryEvents(harness, 'op-done'))).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryProcessed']);
  });

  it('processes an unmapped delivery redriven after its contact was linked', async () => {
    await open();
    const identities = new MutableIdentities();
    await start(harness.services, identities);
    await sendOp(harness, { id: 'op-contact', op: 'open_for_contact', contact: 'contact-7', ticketId: 'T-7' });
    const parked = await lastIs('op-contact', 'WebhookDeliveryParked');
    const deliveryId = (parked[0]!.data as { deliveryId: string }).deliveryId;

    identities.links['plane:contact-7'] = 'client-7';
    const service = new ParkedDeliveries(harness.store, harness.reads, systemClock);
    expect(await service.redrive(deliveryId, { actor: 'apikey:admin', correlationId: 'redrive-1' })).toMatchObject({ previousReason: 'unmapped', run: 1 });
    await lastIs('op-contact', 'WebhookDeliveryProcessed');
    const [opened] = await collect(harness.store.readStream('Ticket-T-7'));
    expect(opened!.data).toMatchObject({ clientId: 'client-7' });

    await expect(service.redrive(deliveryId, { actor: 'apikey:admin', correlationId: 'redrive-2' })).rejects.toThrow(DomainRuleError);
    await expect(service.redrive('no-such-delivery', { actor: 'apikey:admin', correlationId: 'redrive-3' })).rejects.toThrow(NotFoundError);
  });

  it('starts a new run of attempts on redrive after retries were exhausted', async () => {
    await open();
    await start();
    await sendOp(harness, { id: 'op-again', op: 'upstream_down' });
    const parked = await lastIs('op-again', 'WebhookDeliveryParked');
    const deliveryId = (parked[0]!.data as { deliveryId: string }).deliveryId;
    await new ParkedDeliveries(harness.store, harness.reads, systemClock).redrive(deliveryId, { actor: 'apikey:admin', correlationId: 'c' });
    const again = await eventually(async () => {
      const events = await deliveryEvents(harness, 'op-again');
      return events.filter((event) => event.type === 'WebhookDeliveryParked').length === 2 ? events : undefined;
    });
    expect(again.filter((event) => event.type === 'WebhookDeliveryFailed').map((event) => (event.data as { attempt: number }).attempt)).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
