import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import type { RecordedEvent } from './messages';
import type { Projection } from './projection';
import type { RebuildProgress } from './projection-rebuild';
import { ProjectionRunner } from './projection-runner';
import type { ReadDocument, ReadStore } from './read-store.port';

interface Balance extends ReadDocument {
  readonly invoiceId: string;
  readonly balanceCents: number;
  readonly payments: number;
}

const balances = (version = 1, overrides: Partial<Projection<Balance>> = {}): Projection<Balance> => ({
  name: 'invoice_balances',
  version,
  handles: ['InvoiceIssued', 'PaymentReceived'],
  documentIds: (event) => [(event.data as { invoiceId: string }).invoiceId],
  evolve(document, event, id) {
    const data = event.data as { amountCents: number };
    if (event.type === 'InvoiceIssued') return { _id: id, invoiceId: id, balanceCents: data.amountCents, payments: 0 };
    if (!document) return null;
    return { ...document, balanceCents: document.balanceCents - data.amountCents, payments: document.payments + 1 };
  },
  ...overrides,
});

const paymentCount: Projection = {
  name: 'payment_count',
  version: 1,
  handles: ['PaymentReceived'],
  documentIds: () => ['all'],
  evolve: (document, _event, id) => ({ _id: id, count: ((document?.count as number) ?? 0) + 1 }),
};

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

/** A member of the store, methods bound to it. */
const bound = (store: EventStore, key: keyof EventStore) => {
  const member = store[key];
  return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(store) : member;
};

describe('projection runner', () => {
  let events: EventStore;
  let reads: ReadStore;
  const runners: ProjectionRunner[] = [];
  const runner = (projections: Projection[], extra: Partial<ConstructorParameters<typeof ProjectionRunner>[0]> = {}) => {
    const created = new ProjectionRunner({ eventStore: events, readStore: reads, projections, batchSize: 7, idleWaitMs: 50, ...extra });
    runners.push(created);
    return created;
  };
  const issue = (invoiceId: string, amountCents: number) =>
    events.append(`Invoice-${invoiceId}`, [{ id: randomId(), type: 'InvoiceIssued', data: { invoiceId, amountCents }, metadata }]);
  const pay = (invoiceId: string, amountCents: number) =>
    events.append(`Invoice-${invoiceId}`, [{ id: randomId(), type: 'PaymentReceived', data: { invoiceId, amountCents }, metadata }]);
  const balanceOf = async (id: string, collection = 'invoice_balances') => (await reads.getMany<Balance>(collection, [id])).get(id)?.document;

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((created) => created.stop()));
    await events.close();
    await reads.close();
  });

  it('catches up from the start in batches and records the checkpoint with the documents', async () => {
    for (let i = 0; i < 10; i++) await issue(`inv-${i}`, 1_000);
    for (let i = 0; i < 10; i++) await pay(`inv-${i}`, 100 * i);
    const head = (await events.headPosition())!;

    const projections = runner([balances()]);
    await projections.start();

    expect(await projections.waitFor(head)).toBe(true);
    expect(await balanceOf('inv-7')).toEqual({ _id: 'inv-7', invoiceId: 'inv-7', balanceCents: 300, payments: 1, _events: 2 });
    expect((await reads.checkpoint('invoice_balances'))?.position).toBe(head);
  });

  it('follows live appends after catching up', async () => {
    const projections = runner([balances()]);
    await projections.start();

    await issue('inv-1', 5_000);
    const { position } = await pay('inv-1', 1_500);

    expect(await projections.waitFor(position)).toBe(true);
    expect((await balanceOf('inv-1'))?.balanceCents).toBe(3_500);
  });

  it('wakes only the projections that handle what was appended, and still reports the others as up to date', async () => {
    // Given two projections caught up, one of which (payment_count) handles payments only
    const reads_: string[][] = [];
    const counting = new Proxy(events, {
      get: (store, key: keyof EventStore) =>
        key === 'readAll' ? (options: Parameters<EventStore['readAll']>[0]) => (reads_.push([...(options?.types ?? [])]), store.readAll(options)) : bound(store, key),
    });
    const projections = runner([balances(), paymentCount], { eventStore: counting, idleWaitMs: 60_000 });
    await projections.start();
    await projections.waitFor((await events.headPosition()) ?? 0n);
    reads_.length = 0;

    // When only invoices are issued
    let last = 0n;
    for (let i = 0; i < 5; i++) last = (await issue(`inv-${i}`, 1_000)).position;

    // Then read-your-writes holds for both, and payment_count never read the log for them
    expect(await projections.waitFor(last, 2_000)).toBe(true);
    expect(await balanceOf('inv-4')).toMatchObject({ balanceCents: 1_000 });
    expect(reads_.filter((types) => types.includes('PaymentReceived') && !types.includes('InvoiceIssued'))).toEqual([]);
  });

  it('changes nothing when events are replayed over documents that already saw them', async () => {
    await issue('inv-1', 5_000);
    const { position } = await pay('inv-1', 1_500);
    const first = runner([balances()]);
    await first.start();
    await first.waitFor(position);
    await first.stop();

    await reads.deleteCheckpoint('invoice_balances');
    const replay = runner([balances()]);
    await replay.start();
    await replay.waitFor(position);

    expect(await balanceOf('inv-1')).toMatchObject({ balanceCents: 3_500, payments: 1 });
  });

  it('stops a projection that throws, records why, and keeps the others going', async () => {
    const failing = balances(1, {
      evolve: (document, event: RecordedEvent, id) => {
        if ((event.data as { amountCents: number }).amountCents === 13) throw new Error('unlucky amount');
        return balances().evolve(document, event, id);
      },
    });
    await issue('inv-1', 5_000);
    const { position: failingAt } = await pay('inv-1', 13);
    const { position: head } = await pay('inv-1', 100);

    const projections = runner([failing, paymentCount]);
    await projections.start();
    await projections.waitFor(head);

    const [balanceStatus, countStatus] = projections.status();
    expect(balanceStatus).toMatchObject({ name: 'invoice_balances', state: 'failed', position: failingAt - 1n });
    expect(balanceStatus!.failure).toMatchObject({ eventType: 'PaymentReceived', position: failingAt.toString(), error: 'Error: unlucky amount' });
    expect(countStatus).toMatchObject({ state: 'live', failure: null });
    expect((await reads.getMany('payment_count', ['all'])).get('all')?.document.count).toBe(2);
    expect((await balanceOf('inv-1'))?.balanceCents).toBe(5_000);
  });

  it('resumes a failed projection once the fix is deployed', async () => {
    const broken = balances(1, { evolve: () => { throw new Error('bug'); } });
    const { position } = await issue('inv-1', 5_000);
    const before = runner([broken]);
    await before.start();
    await before.waitFor(position);
    await before.stop();
    expect((await reads.checkpoint('invoice_balances'))?.failure?.error).toBe('Error: bug');

    const after = runner([balances()]);
    await after.start();
    await after.waitFor(position);

    expect(after.status()[0]).toMatchObject({ state: 'live', failure: null });
    expect((await balanceOf('inv-1'))?.balanceCents).toBe(5_000);
  });

  it('rebuilds a new version into a shadow collection while the old one serves, then swaps', async () => {
    for (let i = 0; i < 20; i++) await issue(`inv-${i}`, 1_000);
    const v1 = runner([balances(1)]);
    await v1.start();
    await v1.waitFor((await events.headPosition())!);
    await v1.stop();

    const doubled = balances(2, { evolve: (document, event, id) => { const next = balances().evolve(document, event, id); return next && { ...next, balanceCents: next.balanceCents * 2 }; } });
    const progress: RebuildProgress[] = [];
    const servedDuringRebuild: Array<Promise<Balance | undefined>> = [];
    const v2 = runner([doubled], {
      onRebuildProgress: (report) => {
        progress.push(report);
        if (!report.done) servedDuringRebuild.push(balanceOf('inv-3'));
      },
    });
    await v2.start();
    await v2.rebuild('invoice_balances');

    expect((await Promise.all(servedDuringRebuild)).map((document) => document?.balanceCents)).toEqual(Array(servedDuringRebuild.length).fill(1_000));
    expect((await balanceOf('inv-3'))?.balanceCents).toBe(2_000);
    expect(await reads.checkpoint('invoice_balances')).toMatchObject({ version: 2, collection: 'invoice_balances' });
    expect(progress.at(-1)).toMatchObject({ done: true, fraction: 1, eventsDone: 20 });
    expect(progress.length).toBeGreaterThan(1);
    expect(await reads.listCollections()).not.toContain('invoice_balances__rebuild');
  });

  it('gives the same documents through a rebuild as through live processing', async () => {
    const live = runner([balances()]);
    await live.start();
    for (let i = 0; i < 15; i++) {
      await issue(`inv-${i}`, 10_000);
      await pay(`inv-${i % 4}`, 10 + i);
    }
    await live.waitFor((await events.headPosition())!);
    const liveDocuments = (await reads.find('invoice_balances')).documents;

    await live.rebuild('invoice_balances');

    expect((await reads.find('invoice_balances')).documents).toEqual(liveDocuments);
  });

  it('moves the checkpoint to the head when no event after it concerns the projection', async () => {
    await issue('inv-1', 1_000);
    await events.append('Consultant-k1', [{ id: randomId(), type: 'ConsultantRegistered', data: {}, metadata }]);
    const head = (await events.headPosition())!;
    const projections = runner([balances()]);

    await projections.start();
    await projections.waitFor(head);

    expect((await reads.checkpoint('invoice_balances'))?.position).toBe(head);
  });

  it('reports lag in events and seconds behind the head', async () => {
    await issue('inv-1', 1_000);
    await pay('inv-1', 10);
    const projections = runner([balances()]);

    const [before] = await projections.lag();
    await projections.start();
    await projections.waitFor((await events.headPosition())!);
    const [after] = await projections.lag();

    expect(before).toMatchObject({ name: 'invoice_balances', eventsBehind: 2, eventsBehindCapped: false });
    expect(after).toMatchObject({ eventsBehind: 0, secondsBehind: 0 });
  });
});
