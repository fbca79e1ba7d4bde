import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';

const operations = readFileSync(join(__dirname, '..', '__operations__', 'dashboards.graphql'), 'utf8');
const year = { from: '2026-01-01', to: '2027-01-01' };
const invoiceCents = 2_500_000_000; // A$25,000,000.00: above 2^31 − 1 cents, the old Int's ceiling

/** A year of A$25M invoices, each paid, on one project: every money field now travels as a SafeInt. */
describe('dashboards and lists with real money sizes', () => {
  let api: TestApi;
  const run = async (query: string, input: object) => {
    const { body } = await api.graphql<any, object>(query, { input });
    expect(body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await TestApi.start();
    await run('mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }', { clientId: 'mining', name: 'Big Mining', tier: 'ENTERPRISE', industry: 'mining' });
    await run('mutation ($input: StartProjectInput!) { startProject(input: $input) { status } }', {
      projectId: 'p-big', clientId: 'mining', tier: 'ENTERPRISE', name: 'Fleet automation', budgetHours: 20_000, budgetAmountCents: 12 * invoiceCents, startedOn: '2026-01-01', dueOn: '2026-12-31',
    });
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      await run('mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }', {
        invoiceId: `big-${mm}`, clientId: 'mining', projectId: 'p-big', number: `INV-${mm}`, amountCents: invoiceCents, issuedOn: `2026-${mm}-01`, dueOn: `2026-${mm}-15`, kind: 'ONE_OFF',
      });
      await run('mutation ($input: RecordPaymentInput!) { recordPayment(input: $input, waitForProjections: true) { status } }', {
        invoiceId: `big-${mm}`, paymentId: `pay-${mm}`, amountCents: invoiceCents, paidOn: `2026-${mm}-10`,
      });
    }
  });
  afterAll(() => api?.stop());

  it('lists the invoices with their amounts exact', async () => {
    const { body } = await api.graphql<any, object>('{ invoices(first: 20) { nodes { amountCents paidCents balanceCents } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.invoices.nodes).toHaveLength(12);
    expect(body.data.invoices.nodes[0]).toEqual({ amountCents: invoiceCents, paidCents: invoiceCents, balanceCents: 0 });
  });

  it('answers the financial dashboard for the year: A$300M accrual and cash', async () => {
    const { body } = await api.post<any>({ query: operations, operationName: 'FinancialDashboard', variables: { period: year } });
    expect(body.errors).toBeUndefined();
    expect(body.data.financialDashboard.revenue.value.accrual.totalCents).toBe(12 * invoiceCents);
    expect(body.data.financialDashboard.revenue.value.cash.totalCents).toBe(12 * invoiceCents);
    expect(body.data.financialDashboard.receivables.value.totalCents).toBe(0);
  });

  it('answers the service-delivery dashboard for the year', async () => {
    const { body } = await api.post<any>({ query: operations, operationName: 'ServiceDeliveryDashboard', variables: { period: year } });
    expect(body.errors).toBeUndefined();
    expect(body.data.serviceDeliveryDashboard).not.toBeNull();
  });

  it('refuses an amount beyond 2^53 cents as bad input, not as an internal error', async () => {
    const { body } = await api.graphql<any, object>('mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }', {
      input: { invoiceId: 'too-big', clientId: 'mining', number: 'X', amountCents: 2 ** 53, issuedOn: '2026-01-01', dueOn: '2026-01-01', kind: 'ONE_OFF' },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
