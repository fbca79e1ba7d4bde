import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { SalesPipelineDashboardDocument, type SalesPipelineDashboardQuery } from '../__generated__/operations';
import { asViewer, byKey, march, seedHistory } from '../../testing/schema/dashboards.fixture';

describe('salesPipelineDashboard over HTTP', () => {
  let api: ApiClient;
  let dashboard: SalesPipelineDashboardQuery['salesPipelineDashboard'];
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    ({ salesPipelineDashboard: dashboard } = await asViewer(api, SalesPipelineDashboardDocument, { period: march }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts leads captured by source, and by source and campaign', () => {
    expect(dashboard.leadsBySource.value.captured).toBe(4);
    expect(byKey(dashboard.leadsBySource.value.bySource)).toEqual({ EVENT: 2, REFERRAL: 1, WEBSITE: 1 });
    expect(dashboard.leadsBySource.value.bySourceAndCampaign).toEqual([
      { source: 'EVENT', campaignId: 'cmp-1', leads: 2 },
      { source: 'REFERRAL', campaignId: null, leads: 1 },
      { source: 'WEBSITE', campaignId: null, leads: 1 },
    ]);
  });

  it("follows the period's leads through the stages to the win", () => {
    const stages = Object.fromEntries(dashboard.stageConversion.value.stages.map((row) => [row.stage, row]));
    expect(stages.PROSPECT).toEqual({ stage: 'PROSPECT', reached: 4, nextStep: 0.75, cumulative: 1 });
    expect(stages.QUALIFIED).toEqual({ stage: 'QUALIFIED', reached: 3, nextStep: 1 / 3, cumulative: 0.75 });
    expect(stages.WON).toEqual({ stage: 'WON', reached: 1, nextStep: null, cumulative: 0.25 });
  });

  it('measures wins, the open pipeline and its velocity', () => {
    expect(dashboard.winRate.value).toEqual({ rate: 0.5, won: 1, lost: 1 });
    expect(dashboard.salesCycleDays.value).toEqual({ days: 4, wonLeads: 1 });
    expect(dashboard.pipelineValue.value).toMatchObject({ currency: 'AUD', openLeads: 2, unvaluedLeads: 0, valueCents: 700_000 });
    // 1 open qualified lead × 1,200,000 average won × 0.5 win rate ÷ 4 days.
    expect(dashboard.pipelineVelocity.value).toMatchObject({ centsPerDay: 150_000, openQualifiedLeads: 1, averageWonValueCents: 1_200_000 });
  });

  it('puts marketing spend against the clients it won', () => {
    expect(dashboard.cac.value).toEqual({ currency: 'AUD', cacCents: 90_000, spendCents: 90_000, campaignCostCents: 60_000, marketingExpenseCents: 30_000, newClients: 1 });
    expect(dashboard.marketingRoi.value).toEqual([
      { campaignId: 'cmp-1', name: 'Spring webinar', costCents: 90_000, clientsWon: 1, firstYearRetainerCents: 1_200_000, oneOffInvoicedCents: 0, roi: (1_200_000 - 90_000) / 90_000 },
    ]);
  });
});
