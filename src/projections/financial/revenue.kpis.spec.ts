import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import type { KpiContext } from '../shared/kpi';
import { hoursLogged, issued, onboarded, paid, tierChanged, voided } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { revenue, revenuePerConsultantHour } from './revenue.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };

const invoicing: ScenarioFact[] = [
  onboarded('c1', '2026-01-01T00:00:00.000Z', 'STARTER'),
  onboarded('c2', '2026-01-01T00:00:00.000Z', 'PROFESSIONAL'),
  issued('i4', 'c2', '2026-03-31', 40_000),
  ...paid('i4', 'p4', '2026-04-02', 40_000, 0),
  issued('i1', 'c1', '2026-04-01', 100_000),
  ...paid('i1', 'p1', '2026-04-10', 30_000, 70_000),
  issued('i6', 'cx', '2026-04-05', 10_000),
  tierChanged('c1', '2026-04-15T00:00:00.000Z', 'STARTER', 'ENTERPRISE'),
  issued('i2', 'c2', '2026-04-20', 50_000),
  ...paid('i2', 'p2', '2026-04-21', 10_000, 40_000),
  voided('i2', '2026-04-25T00:00:00.000Z'),
  issued('i3', 'c1', '2026-04-20', 200_000),
  ...paid('i3', 'p3', '2026-04-28', 200_000, 0),
  // Recorded on 30 April in UTC, issued on 1 May in Brisbane: May.
  issued('i5', 'c2', '2026-05-01', 60_000, { at: '2026-04-30T14:30:00.000Z' }),
  ...paid('i1', 'p5', '2026-05-03', 70_000, 0),
];

describe('revenue KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> =>
    (scenario = await projectScenario([...financialProjections, ...deliveryProjections], facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('counts invoices issued in the period, never voided ones, by the tier the client had on the issue date', async () => {
    const context = await given(invoicing);
    const { value, eventCount } = await revenue(context, april);
    // i1 100_000 (c1 still STARTER on 1 April) + i3 200_000 (c1 ENTERPRISE since 15 April) + i6 10_000 (client unknown).
    // i2 is voided, i4 was issued on 31 March, i5 on 1 May.
    expect(value.accrual).toEqual({
      totalCents: 310_000,
      byCurrency: { AUD: 310_000 },
      byTier: { STARTER: 100_000, ENTERPRISE: 200_000, UNKNOWN: 10_000 },
      byClient: { c1: 300_000, cx: 10_000 },
      byMonth: { '2026-04': 310_000 },
    });
    // From the invoice sums, the facts summed: invoices issued in April, not voided (i1, i3, i6) and
    // payments dated in April (p4, p1, p2, p3); and the clients' events, c1 (2), c2 (1).
    expect(eventCount).toBe(10);
    // Scanning: each invoice read once, i1 (4 events), i2 (3), i3 (3), i4 (3), i6 (1); clients c1 (2), c2 (1).
    const scanned = await revenue({ ...context, path: 'scan' }, april);
    expect(scanned.value).toEqual(value);
    expect(scanned.eventCount).toBe(17);
  });

  it('counts payments dated in the period as cash, partial ones and those on a later-voided invoice included', async () => {
    const context = await given(invoicing);
    const { value } = await revenue(context, april);
    // p4 40_000 (c2, 2 April) + p1 30_000 (c1 STARTER, 10 April) + p2 10_000 (c2, voided later) + p3 200_000 (c1 ENTERPRISE).
    expect(value.cash).toEqual({
      totalCents: 280_000,
      byCurrency: { AUD: 280_000 },
      byTier: { PROFESSIONAL: 50_000, STARTER: 30_000, ENTERPRISE: 200_000 },
      byClient: { c2: 50_000, c1: 230_000 },
      byMonth: { '2026-04': 280_000 },
    });
  });

  it('breaks a quarter down by Brisbane month', async () => {
    const context = await given(invoicing);
    const { value } = await revenue(context, { from: '2026-03-01', to: '2026-06-01' });
    expect(value.accrual.byMonth).toEqual({ '2026-03': 40_000, '2026-04': 310_000, '2026-05': 60_000 });
    expect(value.cash.byMonth).toEqual({ '2026-04': 280_000, '2026-05': 70_000 });
  });

  it('reports zero revenue and empty breakdowns for a period without invoices or payments', async () => {
    const context = await given(invoicing);
    const empty = { totalCents: 0, byCurrency: {}, byTier: {}, byClient: {}, byMonth: {} };
    expect((await revenue(context, { from: '2026-06-01', to: '2026-07-01' })).value).toEqual({ currency: 'AUD', accrual: empty, cash: empty });
  });

  it('divides invoiced revenue by every hour worked in the period, billable or not', async () => {
    const context = await given([
      ...invoicing,
      hoursLogged('e1', 'p1', 'k1', '2026-04-03', 10),
      hoursLogged('e2', 'p1', 'k2', '2026-04-30', 5, { billable: false }),
      hoursLogged('e3', 'p1', 'k1', '2026-04-30', 5),
      hoursLogged('e4', 'p1', 'k1', '2026-05-01', 3),
    ]);
    // 310_000 cents ÷ 20 hours = 15_500 cents an hour.
    expect((await revenuePerConsultantHour(context, april)).value).toEqual({ revenueCents: 310_000, hours: 20, centsPerHour: 15_500 });
    expect((await revenuePerConsultantHour(context, { from: '2026-06-01', to: '2026-07-01' })).value).toEqual({ revenueCents: 0, hours: 0, centsPerHour: null });
  });
});
