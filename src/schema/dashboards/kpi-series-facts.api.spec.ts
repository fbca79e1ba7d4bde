import { print } from 'graphql';
import { toGlobalId } from '../relay/global-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { ClientsSupportDashboardDocument, FinancialDashboardDocument, KpiFactsDocument, type KpiFactsQuery, type KpiFactsQueryVariables, KpiSeriesDocument, SalesPipelineDashboardDocument, ServiceDeliveryDashboardDocument } from '../__generated__/operations';
import { asViewer, march, seedHistory } from '../../testing/schema/dashboards.fixture';

type FactKpi = KpiFactsQueryVariables['kpi'];

describe('KPI series and drill-down over HTTP', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** Every page of a KPI's facts, two at a time, following each page's last edge cursor. */
  async function allFacts(kpi: FactKpi, period = march) {
    const nodes: Array<KpiFactsQuery['kpiFacts']['edges'][number]['node']> = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { kpiFacts }: KpiFactsQuery = await asViewer(api, KpiFactsDocument, { kpi, period, first: 2, after });
      nodes.push(...kpiFacts.edges.map((edge) => edge.node));
      if (!kpiFacts.pageInfo.hasNextPage) return nodes;
      after = kpiFacts.edges.at(-1)!.cursor;
    }
    throw new Error('More than 50 pages');
  }

  it('charts a KPI per month with the same values as the dashboard for each month', async () => {
    const { kpiSeries } = await asViewer(api, KpiSeriesDocument, { kpi: 'BILLABLE_HOURS', period: { from: '2026-02-01', to: '2026-04-01' }, bucket: 'MONTH' });
    const { serviceDeliveryDashboard } = await asViewer(api, ServiceDeliveryDashboardDocument, { period: march });
    expect(kpiSeries.points.map((point) => [point.from, point.to])).toEqual([
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ]);
    expect(kpiSeries.points[1]).toMatchObject({ value: serviceDeliveryDashboard.billableHours.value.totalHours, eventCount: serviceDeliveryDashboard.billableHours.eventCount });
    expect(kpiSeries.target).toBeNull();
  });

  it('charts the leads captured per month as the sales dashboard counts them (the web app\'s leads trend)', async () => {
    const { kpiSeries } = await asViewer(api, KpiSeriesDocument, { kpi: 'LEADS_CAPTURED', period: { from: '2026-02-01', to: '2026-04-01' }, bucket: 'MONTH' });
    const { salesPipelineDashboard } = await asViewer(api, SalesPipelineDashboardDocument, { period: march });
    expect(salesPipelineDashboard.leadsBySource.value.captured).toBeGreaterThan(0);
    expect(kpiSeries.points.map((point) => point.value)).toEqual([0, salesPipelineDashboard.leadsBySource.value.captured]);
  });

  it('puts the target on the axis of a KPI that has one, with each point judged against it', async () => {
    const { kpiSeries } = await asViewer(api, KpiSeriesDocument, { kpi: 'BILLABLE_UTILISATION', period: march, bucket: 'WEEK' });
    expect(kpiSeries.target).toBe(0.8);
    // 1 March 2026 is a Sunday: the first week is that one day, then Monday weeks, the last clipped to 31 March.
    expect(kpiSeries.points.map((point) => point.from)).toEqual(['2026-03-01', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    const first = kpiSeries.points[0]!;
    expect(first).toMatchObject({ value: null, targetStatus: 'NO_DATA' });
    expect(kpiSeries.points.slice(1).every((point) => point.targetStatus === 'MISSED')).toBe(true);
  });

  it('gives each fact the global id of its entity when it is a Node, which node(id) refetches as that type', async () => {
    for (const kpi of ['REVENUE_CASH_CENTS', 'REVENUE_ACCRUAL_CENTS', 'BILLABLE_HOURS', 'CSAT'] as const) {
      const facts = await allFacts(kpi);
      expect(facts.length, kpi).toBeGreaterThan(0);
      for (const fact of facts.slice(0, 5)) {
        if (fact.nodeId === null) {
          expect(fact.entity, kpi).toBe('CsatRating');
          continue;
        }
        const response = await api.execute<{ node: { __typename: string } | null }>('query ($id: ID!) { node(id: $id) { __typename } }', { id: fact.nodeId }, 'VIEWER');
        expect(response.data?.node, `${kpi} ${fact.entity} ${fact.entityId}`).toEqual({ __typename: fact.entity });
      }
    }
  });

  it('refuses a series of more than 400 points as bad input', async () => {
    const response = await api.execute(print(KpiSeriesDocument), { kpi: 'CSAT', period: { from: '2024-01-01', to: '2026-01-01' }, bucket: 'DAY' }, 'VIEWER');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the time entries behind billable hours, page by page, and the counted ones add up to the KPI', async () => {
    const facts = await allFacts('BILLABLE_HOURS');
    const { serviceDeliveryDashboard } = await asViewer(api, ServiceDeliveryDashboardDocument, { period: march });
    const counted = facts.filter((fact) => fact.counted);
    expect(counted.reduce((total, fact) => total + Math.round(fact.contribution * 100), 0) / 100).toBe(serviceDeliveryDashboard.billableHours.value.totalHours);
    expect(new Set(facts.map((fact) => fact.entityId)).size).toBe(facts.length);
    for (const excluded of facts.filter((fact) => !fact.counted)) expect(excluded).toMatchObject({ rule: 'excluded: not billable', contribution: 0 });
    expect(facts.every((fact) => fact.entity === 'TimeEntry' && fact.stream.startsWith('Project-') && fact.events >= 1)).toBe(true);
  });

  it('lists the invoices behind accrual revenue, a voided one excluded with its reason', async () => {
    const facts = await allFacts('REVENUE_ACCRUAL_CENTS');
    const { financialDashboard } = await asViewer(api, FinancialDashboardDocument, { period: march });
    const counted = facts.filter((fact) => fact.counted);
    expect(counted.reduce((total, fact) => total + fact.contribution, 0)).toBe(financialDashboard.revenue.value.accrual.totalCents);
    expect(facts.find((fact) => fact.entityId === 'i-5')).toMatchObject({ counted: false, contribution: 0, rule: expect.stringContaining('voided'), nodeId: toGlobalId('Invoice', 'i-5') });
  });

  it('lists every rating behind csat: satisfied ones contribute, the others stay in the denominator', async () => {
    const facts = await allFacts('CSAT');
    const { clientsSupportDashboard } = await asViewer(api, ClientsSupportDashboardDocument, { period: march });
    const { csat, ticketVolume } = clientsSupportDashboard;
    expect(facts.filter((fact) => fact.counted)).toHaveLength(csat.value.ratings);
    expect(facts.reduce((total, fact) => total + fact.contribution, 0)).toBe(csat.value.satisfied);
    expect(facts.find((fact) => fact.entityId === 'csat-2')).toMatchObject({ contribution: 0, rule: 'in the denominator only: score 3', stream: 'Ticket-t-2', nodeId: null });
    expect(await allFacts('TICKETS_OPENED')).toHaveLength(ticketVolume.value.opened);
  });

  it('says how the facts make a value: the tickets behind the median first response, with the minutes each took', async () => {
    const { kpiFacts } = await asViewer(api, KpiFactsDocument, { kpi: 'FIRST_RESPONSE_MEDIAN_MINUTES', period: march, first: 100 });
    const { clientsSupportDashboard } = await asViewer(api, ClientsSupportDashboardDocument, { period: march });
    const minutes = kpiFacts.edges.map((edge) => edge.node.contribution).sort((a, b) => a - b);
    expect(kpiFacts.combination).toBe('MEDIAN');
    expect(minutes.length).toBeGreaterThan(0);
    const middle = (minutes.length - 1) / 2;
    expect((minutes[Math.floor(middle)]! + minutes[Math.ceil(middle)]!) / 2).toBe(clientsSupportDashboard.firstResponseTime.value.medianMinutes);
    expect(kpiFacts.edges.every((edge) => edge.node.entity === 'Ticket' && /minutes after it opened/.test(edge.node.rule))).toBe(true);
  });
});
