import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { deliver, toolFixture } from '../../testing/tool-webhooks';

const may = { from: '2026-05-01', to: '2026-06-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

const invoiceQuery = `query { invoice(id: "invoiceninja:Opnel5aKBz") {
  number status amountCents issuedAmountCents paidCents balanceCents paidOn deletedAt
  payments { nodes { paymentId amountCents paidOn refundOf } } credits { creditId amountCents creditedOn }
} }`;
const revenueQuery = `query ($period: PeriodInput!) { financialDashboard(period: $period) {
  revenue { value { accrual { totalCents } cash { totalCents } } }
  receivables { value { totalCents } }
} }`;

/**
 * Invoice Ninja 5.10 payloads rebuilt from its transformers and services (fixtures/invoiceninja/README.md),
 * delivered in order through the real route with its shared-secret header, one invoice's life:
 * sent, paid, partly refunded, its payment deleted, paid with a credit, deleted, archived, restored.
 */
describe('Invoice Ninja reversals through the webhook route', () => {
  let api: TestApi;
  const send = (event: string, fixture = event) => deliver(api, 'invoiceninja', toolFixture('invoiceninja', fixture), { invoiceNinjaEvent: event });
  const invoice = async () => {
    const { payments, ...rest } = (await api.graphql<any, object>(invoiceQuery)).body.data.invoice;
    return { ...rest, payments: payments.nodes };
  };
  const figures = async (period: { from: string; to: string }) => {
    const { body } = await api.graphql<any, object>(revenueQuery, { period });
    const { revenue, receivables } = body.data.financialDashboard;
    return { accrual: revenue.value.accrual.totalCents, cash: revenue.value.cash.totalCents, receivables: receivables.value.totalCents };
  };

  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
    const onboard = `mutation { onboardClient(input: { clientId: "globex", name: "Globex", tier: STARTER, industry: "retail" }) { status } }`;
    const link = `mutation { linkClientIdentity(input: { clientId: "globex", tool: INVOICENINJA, externalId: "VolejRejNm" }, waitForProjections: true) { status } }`;
    expect((await api.graphql<any, object>(onboard)).body.errors).toBeUndefined();
    expect((await api.graphql<any, object>(link)).body.errors).toBeUndefined();
  });
  afterAll(() => api?.stop());

  it('issues the sent invoice: A$2,380.00 of May revenue, all of it receivable', async () => {
    expect(await send('sent_invoice')).toEqual({ status: 'processed', ignoreReason: null });
    expect(await figures(may)).toEqual({ accrual: 238_000, cash: 0, receivables: 238_000 });
  });

  it('pays it in June', async () => {
    await send('create_payment');
    expect(await invoice()).toMatchObject({ status: 'PAID', balanceCents: 0, paidOn: '2026-06-02' });
    expect(await figures(june)).toMatchObject({ cash: 238_000, receivables: 0 });
  });

  it('takes a partial refund as cash out and puts it back on the balance', async () => {
    await send('update_payment', 'update_payment.partially_refunded');
    expect(await invoice()).toMatchObject({ status: 'PARTIALLY_PAID', paidCents: 188_000, balanceCents: 50_000, paidOn: null });
    expect((await invoice()).payments).toEqual([
      { paymentId: 'invoiceninja:YQdJP7maKW', amountCents: 238_000, paidOn: '2026-06-02', refundOf: null },
      { paymentId: 'invoiceninja:YQdJP7maKW:refund:50000', amountCents: -50_000, paidOn: '2026-06-09', refundOf: 'invoiceninja:YQdJP7maKW' },
    ]);
    expect(await figures(june)).toEqual({ accrual: 0, cash: 188_000, receivables: 50_000 });
  });

  it('takes a deleted payment off the invoice as if it had never been made', async () => {
    expect(await send('delete_payment')).toMatchObject({ status: 'processed' });
    expect(await invoice()).toMatchObject({ status: 'OPEN', paidCents: 0, balanceCents: 238_000, payments: [] });
    expect(await figures(june)).toEqual({ accrual: 0, cash: 0, receivables: 238_000 });
  });

  it('counts the part paid with a credit as less revenue, not as cash', async () => {
    await send('create_payment', 'create_payment.with_credit');
    expect(await invoice()).toMatchObject({
      status: 'PAID', amountCents: 38_000, issuedAmountCents: 238_000, balanceCents: 0, paidOn: '2026-06-05',
      credits: [{ creditId: 'invoiceninja:Wpmbk5ezJn:credits', amountCents: 200_000, creditedOn: '2026-06-05' }],
    });
    expect(await figures(may)).toMatchObject({ accrual: 38_000 });
    expect(await figures(june)).toEqual({ accrual: 0, cash: 38_000, receivables: 0 });
  });

  it('drops a deleted invoice and its payments from every figure', async () => {
    expect(await send('delete_invoice')).toMatchObject({ status: 'processed' });
    expect(await invoice()).toMatchObject({ status: 'VOID', payments: [], deletedAt: '2026-06-11T17:46:40.000Z' });
    expect(await figures(may)).toEqual({ accrual: 0, cash: 0, receivables: 0 });
    expect(await figures(june)).toEqual({ accrual: 0, cash: 0, receivables: 0 });
  });

  it('ignores archiving with its reason, and brings the invoice back on restore', async () => {
    const archived = await send('archive_invoice');
    expect(archived).toEqual({ status: 'ignored', ignoreReason: expect.stringContaining('archiving only hides a record') });
    await send('restore_invoice');
    expect(await invoice()).toMatchObject({ number: 'INV-0017', status: 'PAID', amountCents: 38_000, balanceCents: 0, deletedAt: null });
    expect(await figures(may)).toMatchObject({ accrual: 38_000 });
    expect(await figures(june)).toMatchObject({ cash: 38_000 });
  });
});
