import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { ServiceDeliveryDashboardDocument, type ServiceDeliveryDashboardQuery } from '../__generated__/operations';
import { asViewer, byKey, march, seedHistory } from '../../testing/schema/dashboards.fixture';

describe('serviceDeliveryDashboard over HTTP', () => {
  let api: ApiClient;
  let dashboard: ServiceDeliveryDashboardQuery['serviceDeliveryDashboard'];
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    ({ serviceDeliveryDashboard: dashboard } = await asViewer(api, ServiceDeliveryDashboardDocument, { period: march }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts projects open at the end of the period by tier, and those completed in it', () => {
    expect(dashboard.activeProjects.value.total).toBe(2);
    expect(byKey(dashboard.activeProjects.value.byTier)).toMatchObject({ STARTER: 1, PROFESSIONAL: 1, ENTERPRISE: 0 });
    expect(dashboard.projectsCompleted.value).toBe(2);
  });

  it('averages the durations of completed projects and tells how many were on time', () => {
    expect(dashboard.averageProjectDurationDays.value.days).toBe((36 + 23) / 2);
    expect(byKey(dashboard.averageProjectDurationDays.value.byTier)).toMatchObject({ PROFESSIONAL: 36, STARTER: 23, ENTERPRISE: null });
    expect(dashboard.onTimeDeliveryRate.value).toEqual({ rate: 0.5, onTime: 1, completed: 2 });
  });

  it('sums billable hours after corrections and deletions, by project and consultant', () => {
    expect(dashboard.billableHours.value.totalHours).toBe(25);
    expect(byKey(dashboard.billableHours.value.byProject)).toEqual({ 'p-1': 14, 'p-2': 4, 'p-3': 7 });
    expect(byKey(dashboard.billableHours.value.byConsultant)).toEqual({ 'k-1': 21, 'k-2': 4 });
  });

  it('relates billable hours to the hours available on 22 working days, less time off', () => {
    const { team, byConsultant } = dashboard.billableUtilisation.value;
    expect(team).toEqual({ billableHours: 25, availableHours: 168 + 88, utilisation: 25 / 256 });
    expect(byConsultant).toEqual([
      { consultantId: 'k-1', name: 'Kim', billableHours: 21, availableHours: 168, utilisation: 21 / 168 },
      { consultantId: 'k-2', name: 'Lee', billableHours: 4, availableHours: 88, utilisation: 4 / 88 },
    ]);
  });

  it('burns each open project budget with every hour logged to date, at cost', () => {
    const burn = Object.fromEntries(dashboard.budgetBurn.value.map((project) => [project.projectId, project]));
    expect(Object.keys(burn)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(burn['p-1']).toMatchObject({ loggedHours: 24, hoursBurn: 0.24, loggedCostCents: 120_000, costBurn: 0.08, tier: 'PROFESSIONAL' });
    expect(burn['p-2']).toMatchObject({ loggedHours: 6, hoursBurn: 0.3, loggedCostCents: 24_000 });
    expect(burn['p-4']).toMatchObject({ loggedHours: 0, hoursBurn: 0, costBurn: 0 });
  });

  it('sets project revenue against labour and expenses; no revenue, no margin', () => {
    const margins = Object.fromEntries(dashboard.projectMargin.value.byProject.map((project) => [project.projectId, project]));
    expect(margins['p-1']).toMatchObject({ revenueCents: 1_200_000, laborCostCents: 70_000, expenseCents: 0, margin: 1_130_000 / 1_200_000 });
    expect(margins['p-3']).toMatchObject({ revenueCents: 0, laborCostCents: 35_000, expenseCents: 80_000, margin: null });
    expect(byKey(dashboard.projectMargin.value.byTier).STARTER).toEqual({ revenueCents: 0, costsCents: 24_000, profitCents: -24_000, margin: null });
  });
});
