import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { xeroPaidInvoice } from './fixtures/xero-invoice.sample';
import { xeroFetchIntents } from './xero.translate';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { XeroFake, xeroTimestamp } from './xero.fake';
import { XeroClient } from './xero.client';
import { XeroSyncSource } from './xero.sync-source';

const globex = IdentitySnapshot.of({ 'xero:717f2bfc-c6d4-41fd-b238-3f2f0c0cf777': 'client-globex' });
const tenant = '4e3eef5b-31cd-45fa-bec2-55c777be0c8a';

describe('xero sync', () => {
  let fake: XeroFake;
  let harness: SyncHarness;

  beforeEach(async () => {
    fake = await XeroFake.start('xero-token', tenant);
    harness = await SyncHarness.open();
  });
  afterEach(async () => {
    await fake.server.close();
    await harness.close();
  });

  function setUp(token = 'xero-token') {
    const { http, waits } = harness.http('xero');
    const source = new XeroSyncSource(new XeroClient({ apiUrl: fake.url, accessToken: token, tenantId: tenant }, http), tenant);
    return { source, job: harness.job(source, globex), waits };
  }

  it('fetches the invoice a notification named, issues it and records its payments', async () => {
    fake.invoices.push({ ...xeroPaidInvoice });
    const { source, job } = setUp();
    source.notify(xeroFetchIntents(fixtureDelivery('xero.events_batch').payload));

    expect(await job.run()).toMatchObject({ outcome: 'succeeded', records: 2 });
    expect(fake.server.requestsTo(`/api.xro/2.0/Invoices/${xeroPaidInvoice.InvoiceID}`)).toHaveLength(1);
    expect((await harness.events('InvoiceIssued', 'PaymentReceived', 'InvoicePaid')).map((event) => event.type)).toEqual(['InvoiceIssued', 'PaymentReceived', 'InvoicePaid']);
  });

  it('applies a credit note allocated to a fetched invoice and takes off a payment Xero shows as deleted', async () => {
    const creditNote = { CreditNoteID: 'cn-7', Date: '/Date(1780444800000+0000)/', DateString: '2026-06-03T00:00:00', AppliedAmount: 100.1, Total: 100.1 };
    const kept = { ...xeroPaidInvoice.Payments[0]!, Amount: 1000.0 };
    fake.invoices.push({ ...xeroPaidInvoice, CreditNotes: [creditNote], Payments: [kept] } as never);
    const first = setUp();
    first.source.notify(xeroFetchIntents(fixtureDelivery('xero.events_batch').payload));
    await first.job.run();
    // The payment is then deleted in Xero: the next fetch shows it DELETED.
    fake.invoices[0] = { ...xeroPaidInvoice, CreditNotes: [creditNote], Payments: [{ ...kept, Status: 'DELETED' }], UpdatedDateUTC: '/Date(1780500000000+0000)/' } as never;
    const second = setUp();
    second.source.notify(xeroFetchIntents(fixtureDelivery('xero.events_batch').payload));
    await second.job.run();

    const facts = await harness.events('InvoiceIssued', 'InvoiceCredited', 'PaymentReceived', 'InvoicePaid', 'PaymentDeleted');
    // 1,100.10 issued, 100.10 credited, 1,000.00 paid (paid in full), then the payment deleted: 1,000.00 owed again.
    expect(facts.map((event) => [event.type, (event.data as { balanceCents?: number }).balanceCents ?? null])).toEqual([
      ['InvoiceIssued', null],
      ['InvoiceCredited', 100_000],
      ['PaymentReceived', 0],
      ['InvoicePaid', null],
      ['PaymentDeleted', 100_000],
    ]);
  });

  it('ignores notifications of another organisation', () => {
    const { source } = setUp();
    source.notify([{ tenantId: 'someone-else', invoiceId: 'x', eventType: 'UPDATE', eventDateUtc: '2026-06-02T09:31:04.198Z' }]);
    return expect(source.pull({ cursor: null, progress: null, page: null, identities: globex })).resolves.toMatchObject({ records: [], next: null });
  });

  it('lists sales invoices modified since the cursor and keeps the newest update as the next cursor', async () => {
    fake.invoices.push({ ...xeroPaidInvoice });
    const { job } = setUp();
    expect(await job.run()).toMatchObject({ outcome: 'succeeded', records: 1, cursor: '2026-06-02T09:31:04.198Z' });

    fake.invoices.push({ ...xeroPaidInvoice, InvoiceID: 'second', InvoiceNumber: 'INV-0043', Payments: [], Status: 'AUTHORISED', UpdatedDateUTC: xeroTimestamp('2026-06-03T08:00:00.000Z') });
    expect(await setUp().job.run()).toMatchObject({ outcome: 'succeeded', records: 2, cursor: '2026-06-03T08:00:00.000Z' });
    const sent = fake.server.requestsTo('/api.xro/2.0/Invoices').map((request) => request.headers['if-modified-since'] ?? null);
    expect(sent).toEqual([null, '2026-06-02T09:31:04']);
    expect(await harness.events('InvoiceIssued')).toHaveLength(2);
  });

  it("fails the run with Xero's own words when the token is refused", async () => {
    expect(await setUp('expired').job.run()).toMatchObject({ outcome: 'failed', error: 'xero answered 401: AuthenticationUnsuccessful' });
  });

  it('honours the Retry-After of a rate-limited minute', async () => {
    fake.server.answerNext({ status: 429, headers: { 'retry-after': '60' }, body: { Title: 'Too Many Requests' } });
    const { job, waits } = setUp();
    expect(await job.run()).toMatchObject({ outcome: 'succeeded' });
    expect(waits).toEqual([60_000]);
  });
});
