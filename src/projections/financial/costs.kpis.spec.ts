import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import type { KpiContext } from '../shared/kpi';
import { cashFlow, costs, profitMargin } from './costs.queries';
import { expensePaid, expenseRecorded, hoursCorrected, hoursDeleted, hoursLogged, issued, onboarded, paid, projectStarted, voided } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';

const april = { from: '2026-04-01', to: '2026-05-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

const book: ScenarioFact[] = [
  onboarded('c1', '2026-01-01T00:00:00.000Z', 'STARTER'),
  onboarded('c2', '2026-01-01T00:00:00.000Z', 'ENTERPRISE'),
  projectStarted('p1', 'c1', 'STARTER', '2026-03-01'),
  projectStarted('p2', 'c2', 'ENTERPRISE', '2026-03-01'),
  ...expenseRecorded('e4', 'marketing', '2026-03-31', 5_000),
  expensePaid('e4', 'marketing', '2026-04-01', 5_000),
  ...expenseRecorded('e1', 'tools', '2026-04-03', 10_000, { paidOn: '2026-04-03' }),
  ...expenseRecorded('e2', 'contractors', '2026-04-10', 50_000, { projectId: 'p1' }),
  expensePaid('e2', 'contractors', '2026-05-02', 50_000),
  ...expenseRecorded('e3', 'infrastructure', '2026-04-30', 20_000, { clientId: 'c2' }),
  hoursLogged('h1', 'p1', 'k1', '2026-04-02', 10, { clientId: 'c1', costRateCents: 10_000 }),
  hoursLogged('h2', 'p2', 'k2', '2026-04-15', 4.5, { clientId: 'c2', costRateCents: 12_000, billable: false }),
  hoursLogged('h3', 'p1', 'k1', '2026-05-01', 8, { clientId: 'c1', costRateCents: 10_000 }),
  issued('i1', 'c1', '2026-04-05', 400_000),
  ...paid('i1', 'pay1', '2026-04-20', 150_000, 250_000),
  ...paid('i1', 'pay2', '2026-05-05', 250_000, 0),
  issued('i2', 'c2', '2026-04-20', 100_000),
  issued('i3', 'c2', '2026-04-21', 999_000),
  voided('i3', '2026-04-22T00:00:00.000Z'),
];

describe('cost, margin and cash flow KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> =>
    (scenario = await projectScenario([...financialProjections, ...deliveryProjections], facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('adds expenses incurred in the period to hours worked in it at their cost rate', async () => {
    const context = await given(book);
    const { value, eventCount } = await costs(context, april);
    // Expenses e1 10_000 + e2 50_000 + e3 20_000 = 80_000 (e4 was incurred in March, whenever paid).
    // Time: h1 10 h × 10_000 = 100_000; h2 4.5 h × 12_000 = 54_000 (non-billable counts); h3 is May.
    expect(value).toEqual({
      totalCents: 234_000,
      expensesCents: 80_000,
      consultantCostCents: 154_000,
      byCategory: { tools: 10_000, contractors: 50_000, infrastructure: 20_000, consultant_time: 154_000 },
      byMonth: { '2026-04': 234_000 },
    });
    // e1 (2 events), e2 (2), e3 (1), h1, h2 (1 each), project p1 looked up for e2's client (1).
    expect(eventCount).toBe(8);
  });

  it('breaks costs down by month', async () => {
    const context = await given(book);
    const { value } = await costs(context, { from: '2026-03-01', to: '2026-06-01' });
    // March: e4 5_000; May: h3 8 h × 10_000 = 80_000.
    expect(value.byMonth).toEqual({ '2026-03': 5_000, '2026-04': 234_000, '2026-05': 80_000 });
  });

  it('measures profit margin overall and per tier on the costs attributable to its clients', async () => {
    const context = await given(book);
    const { value } = await profitMargin(context, april);
    // Revenue 400_000 + 100_000 (i3 voided) = 500_000; costs 234_000: (500_000 − 234_000) / 500_000 = 0.532.
    // STARTER c1: 400_000 − (e2 50_000 via project p1 + h1 100_000) = 250_000 → 0.625.
    // ENTERPRISE c2: 100_000 − (e3 20_000 + h2 54_000) = 26_000 → 0.26. e1 is an overhead.
    expect(value).toEqual({
      revenueCents: 500_000,
      costsCents: 234_000,
      profitCents: 266_000,
      margin: 0.532,
      unattributedCostsCents: 10_000,
      byTier: {
        STARTER: { revenueCents: 400_000, costsCents: 150_000, profitCents: 250_000, margin: 0.625 },
        ENTERPRISE: { revenueCents: 100_000, costsCents: 74_000, profitCents: 26_000, margin: 0.26 },
      },
    });
  });

  it('nets payments received against expenses paid, by payment date', async () => {
    const context = await given(book);
    // April: in 150_000 (partial payment of i1); out e4 5_000 (incurred in March) + e1 10_000.
    expect((await cashFlow(context, april)).value).toEqual({
      inflowCents: 150_000,
      outflowCents: 15_000,
      netCents: 135_000,
      byMonth: { '2026-04': { inflowCents: 150_000, outflowCents: 15_000, netCents: 135_000 } },
    });
    // May: in 250_000, out e2 50_000.
    const { value } = await cashFlow(context, { from: '2026-04-01', to: '2026-06-01' });
    expect(value.byMonth['2026-05']).toEqual({ inflowCents: 250_000, outflowCents: 50_000, netCents: 200_000 });
    expect(value.netCents).toBe(335_000);
  });

  it('costs time entries as last corrected, and no longer once deleted', async () => {
    const context = await given([
      hoursLogged('t1', 'p1', 'k1', '2026-04-02', 3),
      hoursCorrected('t1', 'p1', 'k1', '2026-04-03T00:00:00.000Z', '2026-04-02', 5, { workDate: '2026-04-02', hours: 3 }),
      hoursLogged('t2', 'p1', 'k1', '2026-04-30', 2),
      hoursCorrected('t2', 'p1', 'k1', '2026-05-02T00:00:00.000Z', '2026-05-01', 2, { workDate: '2026-04-30', hours: 2 }), // moved to May
      hoursLogged('t3', 'p1', 'k1', '2026-04-10', 4),
      hoursDeleted('t3', 'p1', 'k1', '2026-04-11T00:00:00.000Z', '2026-04-10', 4),
    ]);
    // Only t1 stays in April, at 5 h × 10_000.
    expect((await costs(context, april)).value).toMatchObject({ totalCents: 50_000, consultantCostCents: 50_000 });
  });

  it('gives zeros and a null margin for an empty period', async () => {
    const context = await given(book);
    expect((await costs(context, june)).value).toEqual({ totalCents: 0, expensesCents: 0, consultantCostCents: 0, byCategory: {}, byMonth: {} });
    expect((await profitMargin(context, june)).value).toEqual({ revenueCents: 0, costsCents: 0, profitCents: 0, margin: null, unattributedCostsCents: 0, byTier: {} });
    expect((await cashFlow(context, june)).value).toEqual({ inflowCents: 0, outflowCents: 0, netCents: 0, byMonth: {} });
  });
});
