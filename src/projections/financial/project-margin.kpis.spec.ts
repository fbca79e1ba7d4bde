import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import type { KpiContext } from '../shared/kpi';
import { expenseRecorded, hoursLogged, issued, onboarded, projectStarted, voided } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { projectMargin } from './project-margin.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };

const delivery: ScenarioFact[] = [
  onboarded('c1', '2026-01-01T00:00:00.000Z', 'STARTER'),
  onboarded('c2', '2026-01-01T00:00:00.000Z', 'ENTERPRISE'),
  projectStarted('p1', 'c1', 'STARTER', '2026-03-01'),
  projectStarted('p2', 'c2', 'ENTERPRISE', '2026-03-01'),
  projectStarted('p3', 'c1', 'PROFESSIONAL', '2026-04-01'),
  issued('i1', 'c1', '2026-04-05', 300_000, { projectId: 'p1' }),
  issued('i2', 'c1', '2026-04-25', 50_000, { projectId: 'p1' }),
  voided('i2', '2026-04-26T00:00:00.000Z'),
  issued('i3', 'c2', '2026-04-10', 100_000, { projectId: 'p2' }),
  issued('i4', 'c1', '2026-04-10', 999_000),
  issued('i5', 'c2', '2026-03-31', 40_000, { projectId: 'p2' }),
  hoursLogged('h1', 'p1', 'k1', '2026-04-02', 10, { clientId: 'c1', costRateCents: 10_000 }),
  hoursLogged('h2', 'p1', 'k2', '2026-04-03', 2.5, { clientId: 'c1', costRateCents: 8_000, billable: false }),
  hoursLogged('h3', 'p2', 'k1', '2026-04-04', 5, { clientId: 'c2', costRateCents: 12_000 }),
  hoursLogged('h4', 'p3', 'k1', '2026-04-30', 4, { clientId: 'c1', costRateCents: 10_000 }),
  hoursLogged('h5', 'p1', 'k1', '2026-05-01', 8, { clientId: 'c1', costRateCents: 10_000 }),
  ...expenseRecorded('e1', 'contractors', '2026-04-12', 70_000, { projectId: 'p2' }),
  ...expenseRecorded('e2', 'tools', '2026-04-13', 30_000, { projectId: 'p1', clientId: 'c1' }),
  ...expenseRecorded('e3', 'tools', '2026-04-14', 10_000),
];

describe('project margin', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> =>
    (scenario = await projectScenario([...financialProjections, ...deliveryProjections], facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('sets each project invoiced revenue against its hours at cost rate and its expenses', async () => {
    const context = await given(delivery);
    const { value } = await projectMargin(context, april);
    // p1: 300_000 (i2 voided) − (10 h × 10_000 + 2.5 h × 8_000 + e2 30_000 = 150_000) → 0.5.
    // p2: 100_000 (i5 issued in March) − (5 h × 12_000 + e1 70_000 = 130_000) → −0.3.
    // p3: no revenue, 4 h × 10_000 → null. i4 and e3 belong to no project.
    expect(value.byProject).toEqual({
      p1: { projectId: 'p1', clientId: 'c1', tier: 'STARTER', revenueCents: 300_000, laborCostCents: 120_000, expenseCents: 30_000, costsCents: 150_000, profitCents: 150_000, margin: 0.5 },
      p2: { projectId: 'p2', clientId: 'c2', tier: 'ENTERPRISE', revenueCents: 100_000, laborCostCents: 60_000, expenseCents: 70_000, costsCents: 130_000, profitCents: -30_000, margin: -0.3 },
      p3: { projectId: 'p3', clientId: 'c1', tier: 'PROFESSIONAL', revenueCents: 0, laborCostCents: 40_000, expenseCents: 0, costsCents: 40_000, profitCents: -40_000, margin: null },
    });
  });

  it('sums projects by the tier they started in', async () => {
    const context = await given(delivery);
    const { value } = await projectMargin(context, april);
    expect(value.byTier).toEqual({
      STARTER: { revenueCents: 300_000, costsCents: 150_000, profitCents: 150_000, margin: 0.5 },
      ENTERPRISE: { revenueCents: 100_000, costsCents: 130_000, profitCents: -30_000, margin: -0.3 },
      PROFESSIONAL: { revenueCents: 0, costsCents: 40_000, profitCents: -40_000, margin: null },
    });
  });

  it('has no projects in a period without invoices, hours or expenses', async () => {
    const context = await given(delivery);
    expect((await projectMargin(context, { from: '2026-06-01', to: '2026-07-01' })).value).toEqual({ byProject: {}, byTier: {} });
  });
});
