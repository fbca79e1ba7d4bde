import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { mutationFor } from '../../testing/schema/every-command.fixture';

type Page = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const invoice = (invoiceId: string, clientId: string, issuedOn: string, dueOn: string) => ({
  invoiceId,
  clientId,
  number: invoiceId.toUpperCase(),
  amountCents: 10_000,
  issuedOn,
  dueOn,
  kind: 'ONE_OFF',
});

describe('entity queries', () => {
  let api: ApiClient;
  beforeEach(async () => {
    api = await ApiClient.start();
  });
  afterEach(() => api.stop());

  async function given(type: string, inputs: readonly object[]): Promise<void> {
    // Invoices are only issued to clients that exist.
    const clients = type === 'IssueInvoice' ? [...new Set(inputs.map((input) => (input as { clientId: string }).clientId))] : [];
    for (const clientId of clients) await api.execute(mutationFor('OnboardClient', 'status'), { input: { clientId, name: clientId, tier: 'STARTER', industry: 'Test' } });
    for (const [index, input] of inputs.entries()) {
      const wait = index === inputs.length - 1 ? 'waitForProjections: true' : '';
      const response = await api.execute(mutationFor(type, 'status', wait), { input });
      expect(response.errors).toBeUndefined();
    }
  }

  async function invoicePage(variables: Record<string, unknown>): Promise<Page> {
    const response = await api.execute<{ invoices: Page }>(
      `query ($first: Int!, $after: String, $filter: InvoiceFilter, $sort: InvoiceSort) {
        invoices(first: $first, after: $after, filter: $filter, sort: $sort) { nodes { id: invoiceId } pageInfo { hasNextPage endCursor } }
      }`,
      variables,
      'VIEWER',
    );
    expect(response.errors).toBeUndefined();
    return response.data!.invoices;
  }

  it('pages through a filtered connection with the cursor until the last page', async () => {
    const acme = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'].map((id, day) => invoice(id, 'c-acme', `2026-03-0${day + 1}`, '2026-04-30'));
    const globex = ['g-1', 'g-2', 'g-3'].map((id, day) => invoice(id, 'c-globex', `2026-03-0${day + 1}`, '2026-04-30'));
    await given('IssueInvoice', [...acme, ...globex]);

    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page: Page = await invoicePage({ first: 2, after, filter: { clientId: ['c-acme'] }, sort: 'ISSUED_ON_ASC' });
      pages.push(page);
      after = page.pageInfo.endCursor;
    } while (pages.at(-1)!.pageInfo.hasNextPage);

    expect(pages.map((page) => page.nodes.map((node) => node.id))).toEqual([['i-1', 'i-2'], ['i-3', 'i-4'], ['i-5']]);
    // Relay: the last page still names its last edge's cursor; hasNextPage says it is the end.
    expect(pages.at(-1)!.pageInfo).toMatchObject({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('filters invoices by issue date range (from inclusive, to exclusive) and status', async () => {
    await given('IssueInvoice', [invoice('i-1', 'c-1', '2026-03-01', '2026-03-31'), invoice('i-2', 'c-1', '2026-03-15', '2026-03-31'), invoice('i-3', 'c-1', '2026-04-01', '2026-04-30')]);
    await given('VoidInvoice', [{ invoiceId: 'i-2', reason: 'Duplicate' }]);

    const march = await invoicePage({ first: 10, filter: { issuedOn: { from: '2026-03-01', to: '2026-04-01' } }, sort: 'ISSUED_ON_ASC' });
    const openInMarch = await invoicePage({ first: 10, filter: { issuedOn: { from: '2026-03-01', to: '2026-04-01' }, status: ['OPEN'] } });

    expect(march.nodes.map((node) => node.id)).toEqual(['i-1', 'i-2']);
    expect(openInMarch.nodes.map((node) => node.id)).toEqual(['i-1']);
  });

  it('lists only unpaid invoices past their due date as overdue', async () => {
    await given('IssueInvoice', [
      invoice('late', 'c-1', '2020-01-01', '2020-01-31'),
      invoice('late-but-paid', 'c-1', '2020-01-01', '2020-01-31'),
      // Due a year from now: within the dates the business records (FACT_MAX_DAYS_AHEAD), and never overdue while the test runs.
      invoice('not-yet-due', 'c-1', '2020-01-01', new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)),
    ]);
    await given('RecordPayment', [{ invoiceId: 'late-but-paid', paymentId: 'pay-1', amountCents: 10_000, paidOn: '2020-01-20' }]);

    const response = await api.execute<{ invoices: { nodes: { id: string; overdue: boolean; daysOverdue: number | null }[] } }>(
      '{ invoices(filter: { overdueOnly: true }) { nodes { id: invoiceId overdue daysOverdue } } }',
    );

    expect(response.data!.invoices.nodes).toHaveLength(1);
    expect(response.data!.invoices.nodes[0]).toMatchObject({ id: 'late', overdue: true });
    expect(response.data!.invoices.nodes[0]!.daysOverdue).toBeGreaterThan(365);
  });

  it('filters clients by tier and status', async () => {
    await given('OnboardClient', [
      { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail' },
      { clientId: 'c-2', name: 'Globex', tier: 'ENTERPRISE', industry: 'Energy' },
      { clientId: 'c-3', name: 'Initech', tier: 'STARTER', industry: 'Software' },
    ]);
    await given('OffboardClient', [{ clientId: 'c-3', reason: 'Churned' }]);

    const response = await api.execute<{ active: Page; churned: Page }>(
      `{ active: clients(filter: { tier: STARTER, status: ACTIVE }) { nodes { id: clientId } pageInfo { hasNextPage endCursor } }
         churned: clients(filter: { status: [OFFBOARDED] }) { nodes { id: clientId } pageInfo { hasNextPage endCursor } } }`,
      {},
      'VIEWER',
    );

    expect(response.data!.active.nodes.map((node) => node.id)).toEqual(['c-1']);
    expect(response.data!.churned.nodes.map((node) => node.id)).toEqual(['c-3']);
  });

  it('returns null for an unknown id', async () => {
    const response = await api.execute('{ client(id: "nope") { id } invoice(id: "nope") { id } lead(id: "nope") { id } }', {}, 'VIEWER');

    expect(response).toEqual({ status: 200, data: { client: null, invoice: null, lead: null } });
  });

  it('refuses a page size above 200, a malformed date bound and a cursor replayed with another sort', async () => {
    await given('IssueInvoice', [invoice('i-1', 'c-1', '2026-03-01', '2026-03-31'), invoice('i-2', 'c-1', '2026-03-02', '2026-03-31')]);
    const { pageInfo } = await invoicePage({ first: 1, sort: 'ISSUED_ON_ASC' });

    const tooMany = await api.execute('{ invoices(first: 201) { nodes { id } } }');
    const badDate = await api.execute('{ invoices(filter: { dueOn: { from: "2026-13-01" } }) { nodes { id } } }');
    const otherSort = await api.execute('query ($after: String) { invoices(first: 1, after: $after, sort: DUE_ON_ASC) { nodes { id } } }', { after: pageInfo.endCursor });

    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    expect(badDate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.dueOn.from' }] });
    expect(otherSort.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'read_store.invalid_cursor' });
  });

  it('needs at least the VIEWER role', async () => {
    const response = await api.execute('{ clients { nodes { id } } }', {}, null);

    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
