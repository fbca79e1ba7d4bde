import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import type { InvoiceCommand } from '../aggregates/invoice/invoice.commands';
import { invoiceDecider, invoiceStream } from '../aggregates/invoice/invoice.decider';
import { createCommandHandler } from './command-handler';
import { AppError, ConcurrencyError, ValidationError } from './errors';
import { collect, type EventStore } from './event-store.port';

const stream = invoiceStream('inv-1');
const issue: InvoiceCommand = {
  type: 'IssueInvoice',
  occurredAt: '2026-03-01T10:00:00+10:00',
  data: { invoiceId: 'inv-1', clientId: 'c-1', number: 'INV-1', amountCents: 10_000, currency: 'AUD', issuedOn: '2026-03-01', dueOn: '2026-03-31', kind: 'ONE_OFF' },
};
const pay = (paymentId: string, amountCents: number): InvoiceCommand => ({
  type: 'RecordPayment',
  occurredAt: '2026-03-05T09:00:00Z',
  data: { invoiceId: 'inv-1', paymentId, amountCents, currency: 'AUD', paidOn: '2026-03-05' },
});
const actor = { actor: 'user:alice' };

describe('command handling', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await openSqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('appends the decided events with the command metadata and returns revision and position', async () => {
    const handle = createCommandHandler(store);
    const result = await handle(invoiceDecider, stream, issue, {
      actor: 'tool:invoiceninja',
      correlationId: 'corr-1',
      causationId: 'delivery-9',
      source: { tool: 'invoiceninja', externalId: 'inv_abc' },
    });

    expect(result).toMatchObject({ status: 'appended', nextExpectedRevision: 0n, replayed: false });
    const [stored] = await collect(store.readStream(stream));
    expect(stored).toMatchObject({ type: 'InvoiceIssued', revision: 0n, position: result.position });
    expect(stored!.metadata).toMatchObject({
      occurredAt: '2026-03-01T00:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'delivery-9',
      actor: 'tool:invoiceninja',
      source: { tool: 'invoiceninja', externalId: 'inv_abc' },
    });
  });

  it('appends nothing and reports unchanged when the command is already satisfied', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    const head = await store.headPosition();

    const again = await handle(invoiceDecider, stream, issue, actor);

    expect(again).toMatchObject({ status: 'unchanged', nextExpectedRevision: 0n, events: [] });
    expect(await store.headPosition()).toBe(head);
  });

  it('leaves the store unchanged when a rule rejects the command', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    const head = await store.headPosition();

    await expect(handle(invoiceDecider, stream, pay('p-1', 10_001), actor)).rejects.toMatchObject({ code: 'invoice.overpayment' });
    expect(await store.headPosition()).toBe(head);
  });

  it('rejects a malformed occurredAt before touching the store', async () => {
    const handle = createCommandHandler(store);
    await expect(handle(invoiceDecider, stream, { ...issue, occurredAt: 'yesterday' }, actor)).rejects.toBeInstanceOf(ValidationError);
    expect(await store.headPosition()).toBeNull();
  });

  it('answers CONFLICT without retrying when the caller pinned a stale expected revision', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    await handle(invoiceDecider, stream, pay('p-1', 1_000), actor);

    const stale = handle(invoiceDecider, stream, pay('p-2', 1_000), { ...actor, expectedRevision: 0n });

    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await collect(store.readStream(stream))).length).toBe(2);
  });

  it('queues concurrent commands on one stream so that none conflicts, none is lost and none overpays', async () => {
    const handle = createCommandHandler(store, { maxConflictRetries: 0 });
    await handle(invoiceDecider, stream, issue, actor);

    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => handle(invoiceDecider, stream, pay(`p-${i}`, 500), actor)));

    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(20);
    expect(rejected.map((outcome) => (outcome.reason as AppError).code)).toEqual(Array(10).fill('invoice.overpayment'));
    const events = await collect(store.readStream(stream));
    expect(events.filter((event) => event.type === 'PaymentReceived')).toHaveLength(20);
    expect(events.filter((event) => event.type === 'InvoicePaid')).toHaveLength(1);
  });

  it('retries version conflicts with writers it cannot queue with (another process)', async () => {
    const quickly = { sleep: () => new Promise<void>((resolve) => setImmediate(resolve)), maxConflictRetries: 100 };
    const processA = createCommandHandler(store, quickly);
    const processB = createCommandHandler(store, quickly);
    await processA(invoiceDecider, stream, issue, actor);

    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? processA : processB)(invoiceDecider, stream, pay(`p-${i}`, 500), actor)),
    );

    const events = await collect(store.readStream(stream));
    expect(events.filter((event) => event.type === 'PaymentReceived').map((event) => (event.data as { balanceCents: number }).balanceCents).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * 500),
    );
  });

  it('acts once for a command retried with the same idempotency key, and returns the original result', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    const first = await handle(invoiceDecider, stream, pay('p-1', 2_500), { ...actor, idempotencyKey: 'key-1' });

    const retried = await handle(invoiceDecider, stream, pay('p-1', 2_500), { ...actor, idempotencyKey: 'key-1' });

    expect(retried).toMatchObject({ status: 'appended', replayed: true, position: first.position, nextExpectedRevision: first.nextExpectedRevision });
    expect(retried.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect((await collect(store.readStream(stream))).length).toBe(2);
  });

  it('refuses an idempotency key reused with a different command, and stores nothing', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    await handle(invoiceDecider, stream, pay('p-1', 2_500), { ...actor, idempotencyKey: 'key-1' });

    const reused = handle(invoiceDecider, stream, pay('p-2', 4_000), { ...actor, idempotencyKey: 'key-1' });

    await expect(reused).rejects.toMatchObject({ kind: 'conflict', code: 'idempotency_key_reuse' });
    expect((await collect(store.readStream(stream))).length).toBe(2);
  });

  it('replays a key retried with the same command at a later instant (occurredAt is not part of the command)', async () => {
    const handle = createCommandHandler(store);
    await handle(invoiceDecider, stream, issue, actor);
    const first = await handle(invoiceDecider, stream, pay('p-1', 2_500), { ...actor, idempotencyKey: 'key-1' });

    const retried = await handle(invoiceDecider, stream, { ...pay('p-1', 2_500), occurredAt: '2026-12-01T00:00:00.000Z' }, { ...actor, idempotencyKey: 'key-1' });

    expect(retried).toMatchObject({ status: 'appended', replayed: true, position: first.position });
  });

  it('acts once when the same idempotent command races itself', async () => {
    const handle = createCommandHandler(store, { sleep: () => Promise.resolve() });
    await handle(invoiceDecider, stream, issue, actor);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => handle(invoiceDecider, stream, pay('p-9', 1_000), { ...actor, idempotencyKey: 'same-request' })),
    );

    expect(results.map((result) => result.status)).toEqual(Array(5).fill('appended'));
    expect(new Set(results.map((result) => result.position)).size).toBe(1);
    expect((await collect(store.readStream(stream))).filter((event) => event.type === 'PaymentReceived')).toHaveLength(1);
  });
});
