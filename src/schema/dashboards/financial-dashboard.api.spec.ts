import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { FinancialDashboardDocument, type FinancialDashboardQuery } from '../__generated__/operations';
import { asViewer, byKey, march, seedHistory } from '../../testing/schema/dashboards.fixture';

describe('financialDashboard over HTTP', () => {
  let api: ApiClient;
  let dashboard: FinancialDashboardQuery['financialDashboard'];
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    ({ financialDashboard: dashboard } = await asViewer(api, FinancialDashboardDocument, { period: march }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('splits revenue into invoices issued (voided ones left out) and payments received, by client, tier and month', () => {
    const { accrual, cash } = dashboard.revenue.value;
    expect(accrual.totalCents).toBe(200_000 + 500_000 + 300_000 + 1_200_000);
    expect(byKey(accrual.byClient)).toEqual({ 'c-1': 200_000, 'c-2': 1_700_000, 'c-3': 300_000 });
    expect(byKey(accrual.byTier)).toEqual({ STARTER: 200_000, PROFESSIONAL: 1_700_000, ENTERPRISE: 300_000 });
    expect(byKey(accrual.byMonth)).toEqual({ '2026-03': 2_200_000 });
    expect(cash.totalCents).toBe(200_000 + 200_000 + 500_000 + 100_000);
  });

  it('takes mrr and arr at the end of the period and explains the change with its movements', () => {
    expect(dashboard.mrr.value).toMatchObject({ mrrCents: 900_000, payingClients: 3 });
    expect(byKey(dashboard.mrr.value.byTier)).toEqual({ STARTER: 300_000, PROFESSIONAL: 600_000 });
    expect(dashboard.arr.value.arrCents).toBe(10_800_000);
    expect(dashboard.mrrMovements.value).toMatchObject({
      startMrrCents: 1_000_000,
      endMrrCents: 900_000,
      newCents: 100_000,
      expansionCents: 100_000,
      contractionCents: 0,
      churnCents: 300_000,
      reactivationCents: 0,
      netNewCents: -100_000,
    });
  });

  it('adds consultant time at its cost rate to the expenses, and relates them to revenue', () => {
    expect(dashboard.costs.value).toMatchObject({ totalCents: 289_000, expensesCents: 160_000, consultantCostCents: 129_000 });
    expect(byKey(dashboard.costs.value.byCategory)).toEqual({ TOOLS: 50_000, CONTRACTORS: 80_000, MARKETING: 30_000, CONSULTANT_TIME: 129_000 });
    expect(dashboard.profitMargin.value).toMatchObject({ revenueCents: 2_200_000, costsCents: 289_000, margin: 1_911_000 / 2_200_000, unattributedCostsCents: 80_000 });
    expect(byKey(dashboard.profitMargin.value.byTier).STARTER).toEqual({ revenueCents: 200_000, costsCents: 24_000, profitCents: 176_000, margin: 0.88 });
    expect(dashboard.revenuePerConsultantHour.value).toEqual({ revenueCents: 2_200_000, hours: 27, centsPerHour: 2_200_000 / 27 });
  });

  it('derives arpa, churn and lifetime value from the clients', () => {
    expect(dashboard.arpa.value).toEqual({ arpaCents: 300_000, mrrCents: 900_000, payingClients: 3 });
    expect(dashboard.customerChurnRate.value).toEqual({ rate: 1 / 3, churnedClients: 1, activeAtStart: 3 });
    expect(dashboard.clientLtv.value).toMatchObject({ ltvCents: 900_000, arpaCents: 300_000, monthlyChurnRate: 1 / 3 });
  });

  it('ages what is unpaid at the end of the period and judges the 30-day payments', () => {
    expect(dashboard.cashFlow.value).toMatchObject({ inflowCents: 1_000_000, outflowCents: 80_000, netCents: 920_000 });
    expect(dashboard.receivables.value).toMatchObject({
      asOf: '2026-03-31',
      totalCents: 1_550_000,
      invoiceCount: 3,
      aging: { current: 1_200_000, days1To30: 200_000, days31To60: 0, days61To90: 150_000, days90Plus: 0 },
    });
    expect(byKey(dashboard.receivables.value.byClient)).toEqual({ 'c-2': 1_350_000, 'c-3': 200_000 });
    expect(dashboard.paidWithin30DaysRate.value).toMatchObject({ rate: 0.5, paidWithin30Days: 2, eligible: 4, issued: 4 });
  });

  it('tells how fresh each figure is: the events behind it and the store position it reflects', () => {
    expect(dashboard.revenue.eventCount).toBeGreaterThan(0);
    expect(dashboard.revenue.position).toMatch(/^\d+$/);
    expect(dashboard.mrr.eventCount).toBeGreaterThan(0);
  });
});
