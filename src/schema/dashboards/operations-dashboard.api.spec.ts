import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { KpiTargetsDocument, OperationsDashboardDocument, type OperationsDashboardQuery } from '../__generated__/operations';
import { asViewer, byKey, march, seedHistory } from '../../testing/schema/dashboards.fixture';

describe('operationsDashboard and kpiTargets over HTTP', () => {
  let api: ApiClient;
  let dashboard: OperationsDashboardQuery['operationsDashboard'];
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    ({ operationsDashboard: dashboard } = await asViewer(api, OperationsDashboardDocument, { period: march }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('judges each data source now: failing after a failed run, stale without a recent success', () => {
    expect(dashboard.syncStatus.value).toEqual([
      expect.objectContaining({ source: 'plane', status: 'STALE', consecutiveFailures: 0, recordsInLastRun: 7, lastSuccessAt: '2026-03-31T01:00:00.000Z' }),
      expect.objectContaining({ source: 'xero', status: 'FAILING', consecutiveFailures: 1, lastFailureMessage: 'HTTP 503', lastSuccessAt: '2026-03-30T00:00:00.000Z' }),
    ]);
  });

  it('counts workflow outcomes per workflow and the manual work they saved', () => {
    expect(dashboard.workflowRuns.value).toEqual([
      { workflow: 'invoice-reminder', started: 3, runs: 3, succeeded: 2, failed: 0, skipped: 1, successRate: 1 },
      { workflow: 'weekly-report', started: 1, runs: 1, succeeded: 0, failed: 1, skipped: 0, successRate: 0 },
    ]);
    expect(dashboard.manualWorkSaved.value.minutes).toBe(20);
    expect(byKey(dashboard.manualWorkSaved.value.byWorkflow)).toEqual({ 'invoice-reminder': 20 });
    expect(dashboard.manualWorkReduction.value).toEqual({ rate: 20 / (20 + 40), savedMinutes: 20, manualMinutes: 40 });
  });

  it('shows no webhook traffic when none was received, and read models caught up with the log', () => {
    expect(dashboard.webhookDeliveries.value).toEqual([]);
    expect(dashboard.projectionLag?.value.length).toBeGreaterThan(0);
    expect(dashboard.projectionLag?.value.every((lag) => lag.eventsBehind === 0)).toBe(true);
  });

  it('sets the four target KPIs against their targets, defaults or overridden', async () => {
    const { kpiTargets: defaults } = await asViewer(api, KpiTargetsDocument, { period: march });
    expect(defaults.value.map(({ kpi, status }) => [kpi, status])).toEqual([
      ['csat', 'MISSED'],
      ['billableUtilisation', 'MISSED'],
      ['paidWithin30DaysRate', 'MISSED'],
      ['manualWorkReduction', 'MISSED'],
    ]);
    expect(defaults.value[0]).toEqual({ kpi: 'csat', value: 2 / 3, valuePercent: '66.7 %', target: 0.9, status: 'MISSED' });

    const { kpiTargets: overridden } = await asViewer(api, KpiTargetsDocument, { period: march, targets: { csat: 0.7, manualWorkReduction: 0.3 } });
    expect(byKey(overridden.value.map(({ kpi, status }) => ({ key: kpi, value: status })))).toEqual({
      csat: 'AT_RISK',
      billableUtilisation: 'MISSED',
      paidWithin30DaysRate: 'MISSED',
      manualWorkReduction: 'MET',
    });
  });
});
