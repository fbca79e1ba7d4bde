import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { mutationFor } from '../../testing/schema/every-command.fixture';

type History = { nodes: { type: string; revision: string; stream: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const invoice = { invoiceId: 'i-1', clientId: 'c-1', number: 'INV-001', amountCents: 9_000, issuedOn: '2026-03-02', dueOn: '2026-03-16', kind: 'ONE_OFF' };
const payment = (paymentId: string) => ({ invoiceId: 'i-1', paymentId, amountCents: 3_000, paidOn: '2026-03-10' });

describe('entity history and read-your-writes', () => {
  let api: ApiClient;
  beforeEach(async () => {
    api = await ApiClient.start();
  });
  afterEach(() => api.stop());

  async function run(type: string, input: object, extra = ''): Promise<Record<string, { projectionsCaughtUp: boolean | null }>> {
    const response = await api.execute<Record<string, { projectionsCaughtUp: boolean | null }>>(mutationFor(type, 'status projectionsCaughtUp', extra), { input });
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  it('sees a change in the very next query when the mutation waited for the projections', async () => {
    await run('OnboardClient', { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail' });

    const changed = await run('ChangeClientTier', { clientId: 'c-1', tier: 'ENTERPRISE' }, 'waitForProjections: true');
    const read = await api.execute<{ client: { tier: string; tierHistory: { tier: string }[] } }>('{ client(id: "c-1") { tier tierHistory { tier } } }', {}, 'VIEWER');

    expect(changed.changeClientTier!.projectionsCaughtUp).toBe(true);
    expect(read.data!.client).toEqual({ tier: 'ENTERPRISE', tierHistory: [{ tier: 'STARTER' }, { tier: 'ENTERPRISE' }] });
  });

  it('answers projectionsCaughtUp null when the caller did not ask to wait', async () => {
    const onboarded = await run('OnboardClient', { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail' });

    expect(onboarded.onboardClient!.projectionsCaughtUp).toBeNull();
  });

  it("pages through an entity's own stream in revision order", async () => {
    await run('OnboardClient', { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail' });
    await run('IssueInvoice', invoice);
    await run('RecordPayment', payment('pay-1'));
    await run('RecordPayment', payment('pay-2'));
    await run('RecordPayment', payment('pay-3'), 'waitForProjections: true');
    const page = async (after: string | null) =>
      (
        await api.execute<{ invoice: { history: History } }>(
          'query ($after: String) { invoice(id: "i-1") { history(first: 2, after: $after) { nodes { type revision stream } pageInfo { hasNextPage endCursor } } } }',
          { after },
          'VIEWER',
        )
      ).data!.invoice.history;

    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    const third = await page(second.pageInfo.endCursor);

    expect(first.nodes.map((node) => [node.type, node.revision])).toEqual([['InvoiceIssued', '0'], ['PaymentReceived', '1']]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: '1' });
    expect(second.nodes.map((node) => node.type)).toEqual(['PaymentReceived', 'PaymentReceived']);
    expect(third.nodes.map((node) => node.type)).toEqual(['InvoicePaid']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...first.nodes, ...second.nodes, ...third.nodes].map((node) => node.stream))).toEqual(new Set(['Invoice-i-1']));
  });

  it("shows a time entry only its own events from its project's stream", async () => {
    await run('RegisterConsultant', { consultantId: 'k-1', name: 'Kim', email: 'kim@zixly.test', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000 });
    await run('StartProject', { projectId: 'p-1', clientId: 'c-1', tier: 'STARTER', name: 'Audit', budgetHours: 10, budgetAmountCents: 0, startedOn: '2026-03-02', dueOn: '2026-03-31' });
    await run('LogHours', { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-03', hours: 2, billable: true });
    await run('LogHours', { projectId: 'p-1', entryId: 'e-2', consultantId: 'k-1', workDate: '2026-03-03', hours: 3, billable: true });
    await run('CorrectTimeEntry', { projectId: 'p-1', entryId: 'e-1', workDate: '2026-03-04', hours: 2.5, billable: false }, 'waitForProjections: true');

    const response = await api.execute<{ timeEntry: { hours: number; billable: boolean; history: History } }>(
      '{ timeEntry(id: "e-1") { hours billable history { nodes { type revision stream } pageInfo { hasNextPage endCursor } } } }',
      {},
      'VIEWER',
    );

    const entry = response.data!.timeEntry;
    expect(entry).toMatchObject({ hours: 2.5, billable: false });
    expect(entry.history.nodes.map((node) => [node.type, node.revision])).toEqual([['HoursLogged', '1'], ['TimeEntryCorrected', '3']]);
  });

  it('lists and finds time entries only, never the day and month buckets kept beside them', async () => {
    await run('RegisterConsultant', { consultantId: 'k-1', name: 'Kim', email: 'kim@zixly.test', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000 });
    await run('StartProject', { projectId: 'p-1', clientId: 'c-1', tier: 'STARTER', name: 'Audit', budgetHours: 10, budgetAmountCents: 0, startedOn: '2026-03-02', dueOn: '2026-03-31' });
    await run('LogHours', { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-03', hours: 2, billable: true }, 'waitForProjections: true');

    const response = await api.execute<{ timeEntries: { nodes: { id: string }[] }; day: unknown; month: unknown }>(
      '{ timeEntries { nodes { id: entryId } } day: timeEntry(id: "day:2026-03-03") { id } month: timeEntry(id: "month:2026-03") { id } }',
      {},
      'VIEWER',
    );

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ timeEntries: { nodes: [{ id: 'e-1' }] }, day: null, month: null });
  });
});
