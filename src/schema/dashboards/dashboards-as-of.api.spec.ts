import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { errorCodes, TestApi } from '../../testing/api-harness';
import { ClientsSupportDashboardDocument, FinancialDashboardDocument, SalesPipelineDashboardDocument, ServiceDeliveryDashboardDocument } from '../__generated__/operations';
import { mutationFor } from '../../testing/schema/every-command.fixture';
import { asViewer, march, seedHistory } from '../../testing/schema/dashboards.fixture';

const lateInvoice = { invoiceId: 'i-7', clientId: 'c-1', number: 'INV-007', amountCents: 50_000, issuedOn: '2026-03-30', dueOn: '2026-04-13', kind: 'ONE_OFF' };
const revenueOnly = `query ($period: PeriodInput!, $asOf: DateTime) {
  financialDashboard(period: $period, asOf: $asOf) { revenue { value { accrual { totalCents } } } receivables { position } }
}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dashboards as of an instant, for an empty period, and for whom', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('leaves out a fact recorded after asOf, while the live figures include it', async () => {
    const before = await asViewer(api, FinancialDashboardDocument, { period: march });
    expect(before.financialDashboard.revenue.value.accrual.totalCents).toBe(2_200_000);
    const instant = new Date().toISOString();
    await pause(5);
    const issued = await api.execute(mutationFor('IssueInvoice', 'status', 'waitForProjections: true'), { input: lateInvoice });
    expect(issued.errors).toBeUndefined();

    const live = await api.execute(revenueOnly, { period: march }, 'VIEWER');
    const asOf = await api.execute(revenueOnly, { period: march, asOf: instant }, 'VIEWER');

    expect(live.data?.financialDashboard.revenue.value.accrual.totalCents).toBe(2_250_000);
    expect(asOf.data?.financialDashboard.revenue.value.accrual.totalCents).toBe(2_200_000);
    // Receivables read invoices only: their position is the late invoice's live, an earlier one as of the instant.
    expect(BigInt(asOf.data?.financialDashboard.receivables.position)).toBeLessThan(BigInt(live.data?.financialDashboard.receivables.position));
  });

  it('answers several dashboards as of one instant in one request', async () => {
    const source = `query ($period: PeriodInput!, $asOf: DateTime) {
      financialDashboard(period: $period, asOf: $asOf) { mrr { value { mrrCents } } }
      clientsSupportDashboard(period: $period, asOf: $asOf) { nps { value { score } } }
    }`;
    const response = await api.execute(source, { period: march, asOf: new Date().toISOString() }, 'VIEWER');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ financialDashboard: { mrr: { value: { mrrCents: 900_000 } } }, clientsSupportDashboard: { nps: { value: { score: 25 } } } });
  });

  it('gives zeros and nulls for a period without facts', async () => {
    const period = { from: '2025-01-01', to: '2025-02-01' };
    const { financialDashboard } = await asViewer(api, FinancialDashboardDocument, { period });
    expect(financialDashboard.revenue).toMatchObject({ eventCount: 0, value: { accrual: { totalCents: 0, byClient: [] }, cash: { totalCents: 0 } } });
    expect(financialDashboard.mrr.value).toEqual({ mrrCents: 0, payingClients: 0, byTier: [] });
    expect(financialDashboard.arpa.value.arpaCents).toBeNull();
    expect(financialDashboard.customerChurnRate.value.rate).toBeNull();
    expect(financialDashboard.profitMargin.value.margin).toBeNull();
    const { serviceDeliveryDashboard } = await asViewer(api, ServiceDeliveryDashboardDocument, { period });
    expect(serviceDeliveryDashboard.projectsCompleted.value).toBe(0);
    expect(serviceDeliveryDashboard.onTimeDeliveryRate.value.rate).toBeNull();
    const { clientsSupportDashboard } = await asViewer(api, ClientsSupportDashboardDocument, { period });
    expect(clientsSupportDashboard.csat.value).toEqual({ rate: null, satisfied: 0, ratings: 0 });
    const { salesPipelineDashboard } = await asViewer(api, SalesPipelineDashboardDocument, { period });
    expect(salesPipelineDashboard.winRate.value).toEqual({ rate: null, won: 0, lost: 0 });
  });

  it.each([
    ['ends before it starts', { from: '2026-04-01', to: '2026-03-01' }, 'period.empty'],
    ['is not made of dates or instants', { from: 'March', to: '2026-04-01' }, 'period.invalid'],
    ['is oversized', { from: '2026-03-01'.repeat(100), to: '2026-04-01' }, 'period.invalid'],
  ])('refuses a period that %s, once, as BAD_USER_INPUT', async (_, period, reason) => {
    const response = await api.execute(print(FinancialDashboardDocument), { period }, 'VIEWER');
    expect(response.errors?.map((error) => [error.extensions?.code, error.extensions?.reason])).toEqual([['BAD_USER_INPUT', reason]]);
  });

  it('serves VIEWER keys and answers 401 without a key', async () => {
    const anonymous = await api.execute(revenueOnly, { period: march }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await api.execute(revenueOnly, { period: march }, 'VIEWER');
    expect(viewer.status).toBe(200);
    expect(viewer.errors).toBeUndefined();
  });
});

describe('an as-of query past AS_OF_MAX_EVENTS', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ AS_OF_MAX_EVENTS: '3' });
    for (const clientId of ['c-1', 'c-2', 'c-3']) {
      const { body } = await api.graphql(mutationFor('OnboardClient', 'status'), { input: { clientId, name: clientId, tier: 'STARTER', industry: 'Retail' } });
      expect(body.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('is refused with BAD_USER_INPUT saying how many events it may replay', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const response = await api.graphql(revenueOnly, { period: march, asOf: new Date().toISOString() }, { key: secret });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]).toMatchObject({ extensions: { reason: 'as_of.too_many_events' }, message: expect.stringContaining('at most 3 events') });
    expect(response.body.data).toBeNull();
  });
});
