import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { translators } from '../../ingest/translators';
import { InvoiceNinjaFake, invoiceNinjaSample } from './invoiceninja.fake';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { InvoiceNinjaClient } from './invoiceninja.client';
import { InvoiceNinjaSyncSource } from './invoiceninja.sync-source';

const globex = IdentitySnapshot.of({ 'invoiceninja:VolejRejNm': 'client-globex' });

describe('invoice ninja sync', () => {
  let fake: InvoiceNinjaFake;
  let harness: SyncHarness;

  beforeEach(async () => {
    fake = await InvoiceNinjaFake.start({ token: 'in-token', maxPerPage: 2 });
    harness = await SyncHarness.open();
  });
  afterEach(async () => {
    await fake.server.close();
    await harness.close();
  });

  function job(options: { token?: string; signal?: AbortSignal; identities?: IdentitySnapshot } = {}) {
    const { http, waits } = harness.http('invoiceninja', options.signal);
    const client = new InvoiceNinjaClient({ apiUrl: fake.url, apiToken: options.token ?? 'in-token' }, http);
    return { job: harness.job(new InvoiceNinjaSyncSource(client), options.identities ?? globex), waits };
  }

  const issuedIds = async () => (await harness.events('InvoiceIssued')).map((event) => (event.data as { invoiceId: string }).invoiceId).sort();

  it('pulls invoices, payments and tasks page by page into commands and records the run with its cursor', async () => {
    fake.addInvoice('InvA', 1_000);
    fake.addInvoice('InvB', 1_001);
    fake.addInvoice('InvC', 1_002);
    fake.records.payments.push(invoiceNinjaSample('create_payment'));
    fake.records.tasks.push(invoiceNinjaSample('update_task'));
    await harness.given({ type: 'StartProject', occurredAt: '2026-05-01T00:00:00Z', data: { projectId: 'invoiceninja:Wpmbk5ezJn', clientId: 'client-globex', tier: 'STARTER', name: 'Relaunch', budgetHours: 120, budgetAmountCents: 0, currency: 'EUR', startedOn: '2026-05-01', dueOn: '2026-07-31' } });
    await harness.given({ type: 'RegisterConsultant', occurredAt: '2026-05-01T00:00:00Z', data: { consultantId: 'invoiceninja:VolejRejNm', name: 'Dana', email: 'dana@agency.example', weeklyCapacityHours: 38, costRateCents: 5_000, billRateCents: 10_000, currency: 'EUR' } });

    const report = await job().job.run();

    const cursor = JSON.stringify({ invoices: 1_002, payments: 1_780_400_005, tasks: 1_779_895_400 });
    expect(report).toMatchObject({ outcome: 'succeeded', records: 5, refused: [], cursor });
    expect(await issuedIds()).toEqual(['invoiceninja:InvA', 'invoiceninja:InvB', 'invoiceninja:InvC', 'invoiceninja:Opnel5aKBz']);
    expect((await harness.events('PaymentReceived', 'InvoicePaid', 'HoursLogged')).map((event) => event.type)).toEqual(['PaymentReceived', 'InvoicePaid', 'HoursLogged']);
    const [run] = await harness.events('SyncRunSucceeded');
    expect(run!.data).toMatchObject({ source: 'invoiceninja', records: 5, cursor, intervalSeconds: 600 });
    expect(fake.server.requestsTo('/api/v1/invoices').map((request) => request.query.get('page'))).toEqual(['1', '2']);
  });

  it('acts once on a payment the webhook delivered and the pull sees again', async () => {
    const delivery = fixtureDelivery('invoiceninja.create_payment');
    const translation = translators.invoiceninja(delivery, globex);
    for (const { command, source } of translation.outcome === 'commands' ? translation.commands : []) await harness.commands.execute(command, { actor: 'webhook', source });
    fake.records.payments.push(invoiceNinjaSample('create_payment'));

    expect(await job().job.run()).toMatchObject({ outcome: 'succeeded', records: 1 });
    expect((await harness.events('InvoiceIssued', 'PaymentReceived', 'InvoicePaid')).map((event) => event.type)).toEqual(['InvoiceIssued', 'PaymentReceived', 'InvoicePaid']);
  });

  it('resumes from the cursor of the last recorded run after a crash between pages, without duplicate events', async () => {
    fake.addInvoice('InvA', 1_000);
    fake.addInvoice('InvB', 1_001);
    expect(await job().job.run()).toMatchObject({ outcome: 'succeeded', cursor: JSON.stringify({ invoices: 1_001, payments: 0, tasks: 0 }) });
    for (const [id, at] of [['InvC', 1_002], ['InvD', 1_003], ['InvE', 1_004]] as const) fake.addInvoice(id, at);

    const process = new AbortController();
    fake.server.answerNext({ hang: true }, 1, (request) => request.path === '/api/v1/invoices' && request.query.get('page') === '2');
    const crashed = job({ signal: process.signal }).job.run().then(() => null, (error: unknown) => error);
    await until(() => fake.server.requests.some((request) => request.query.get('page') === '2'));
    process.abort();
    expect(((await crashed) as AppError).code).toBe('sync.stopped');
    expect(await issuedIds()).toEqual(['invoiceninja:InvA', 'invoiceninja:InvB', 'invoiceninja:InvC']);

    const requestsBefore = fake.server.requests.length;
    expect(await job().job.run()).toMatchObject({ outcome: 'succeeded', records: 4 });
    expect(fake.server.requests[requestsBefore]!.query.get('updated_at')).toBe('1001');
    expect(await issuedIds()).toEqual(['invoiceninja:InvA', 'invoiceninja:InvB', 'invoiceninja:InvC', 'invoiceninja:InvD', 'invoiceninja:InvE']);
    expect(await harness.events('SyncRunSucceeded', 'SyncRunFailed')).toHaveLength(2);
  });

  it("records a failed run with the tool's message on 401, keeping the cursor", async () => {
    fake.addInvoice('InvA', 1_000);
    const report = await job({ token: 'expired' }).job.run();
    expect(report).toMatchObject({ outcome: 'failed', error: 'invoiceninja answered 401: Invalid token', records: 0, cursor: null });
    const [failed] = await harness.events('SyncRunFailed');
    expect(failed!.data).toMatchObject({ source: 'invoiceninja', error: 'invoiceninja answered 401: Invalid token', intervalSeconds: 600 });
    expect(await harness.events('InvoiceIssued')).toEqual([]);
  });

  it('waits out a 429 as its Retry-After says, then completes the run', async () => {
    fake.addInvoice('InvA', 1_000);
    fake.server.answerNext({ status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too Many Attempts.' } });
    const { job: rateLimited, waits } = job();
    expect(await rateLimited.run()).toMatchObject({ outcome: 'succeeded', records: 1 });
    expect(waits).toEqual([7_000]);
  });

  it('records a failure when the server keeps answering 500, and when it never answers', async () => {
    fake.server.answerNext({ status: 500, body: { message: 'Server Error' } }, 3);
    expect(await job().job.run()).toMatchObject({ outcome: 'failed', error: 'invoiceninja answered 500: Server Error' });
    fake.server.answerNext({ hang: true }, 3);
    expect(await job().job.run()).toMatchObject({ outcome: 'failed', error: 'invoiceninja did not answer within 300 ms' });
  });

  it('fails a run that meets an unlinked client and pulls the record again once it is linked', async () => {
    fake.addInvoice('InvA', 1_000);
    const unlinked = await job({ identities: IdentitySnapshot.of({}) }).job.run();
    expect(unlinked).toMatchObject({
      outcome: 'failed',
      error: '1 record(s) refused: invoice InvA: No Zixly client is linked to invoiceninja client VolejRejNm or e-mail domain globex.example',
    });

    expect(await job().job.run()).toMatchObject({ outcome: 'succeeded', records: 1 });
    expect(fake.server.requestsTo('/api/v1/invoices').map((request) => request.query.get('updated_at'))).toEqual(['0', '0']);
    expect(await issuedIds()).toEqual(['invoiceninja:InvA']);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
