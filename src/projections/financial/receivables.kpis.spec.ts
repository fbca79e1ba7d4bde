import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import type { KpiContext } from '../shared/kpi';
import { issued, paid, voided } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { paidWithin30DaysRate, receivables } from './receivables.queries';

const march = { from: '2026-03-01', to: '2026-04-01' };

describe('receivables and collection KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> => (scenario = await projectScenario(financialProjections, facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('ages the balances open at the end of the period by days past due on its last day', async () => {
    const context = await given([
      issued('a1', 'c1', '2026-03-01', 100_000, { dueOn: '2026-03-31' }), // due on the last day: current
      ...paid('a1', 'p1', '2026-03-20', 40_000, 60_000), // 60_000 left
      issued('a2', 'c1', '2026-02-01', 50_000, { dueOn: '2026-03-01' }), // 30 days past due
      issued('a3', 'c2', '2026-01-15', 30_000, { dueOn: '2026-01-29' }), // 61 days past due...
      ...paid('a3', 'p3', '2026-04-10', 30_000, 0), // ...paid only in April
      issued('a4', 'c2', '2025-12-01', 20_000, { dueOn: '2025-12-01' }), // 120 days
      issued('a5', 'c2', '2026-02-10', 15_000, { dueOn: '2026-02-20' }), // 39 days...
      voided('a5', '2026-04-05T00:00:00.000Z'), // ...voided only in April
      issued('a6', 'c1', '2026-02-10', 70_000),
      voided('a6', '2026-03-15T00:00:00.000Z'), // voided in March: gone
      issued('a7', 'c1', '2026-02-10', 25_000),
      ...paid('a7', 'p7', '2026-03-10', 25_000, 0), // paid in March: gone
      issued('a8', 'c1', '2026-04-01', 99_000, { at: '2026-03-31T15:00:00.000Z' }), // 1 April in Brisbane
      issued('a9', 'c2', '2025-12-31', 1_000, { dueOn: '2025-12-31' }), // exactly 90 days
      issued('a10', 'c2', '2025-12-30', 2_000, { dueOn: '2025-12-30' }), // 91 days
    ]);
    const { value, eventCount } = await receivables(context, march);
    // current a1 60_000; 1–30 a2 50_000; 31–60 a5 15_000; 61–90 a3 30_000 + a9 1_000; 90+ a4 20_000 + a10 2_000.
    expect(value).toEqual({
      asOf: '2026-03-31',
      totalCents: 178_000,
      invoiceCount: 7,
      aging: { current: 60_000, days1To30: 50_000, days31To60: 15_000, days61To90: 31_000, days90Plus: 22_000 },
      byClient: { c1: 110_000, c2: 68_000 },
      currency: 'AUD',
      byCurrency: { AUD: 178_000 },
    });
    // a1 (2 events), a2 (1), a3 (3), a4 (1), a5 (2), a9 (1), a10 (1).
    expect(eventCount).toBe(11);
  });

  it('has nothing receivable before the first invoice', async () => {
    const context = await given([issued('a1', 'c1', '2026-03-01', 100_000)]);
    const { value } = await receivables(context, { from: '2026-01-01', to: '2026-02-01' });
    expect(value).toEqual({ asOf: '2026-01-31', totalCents: 0, invoiceCount: 0, aging: { current: 0, days1To30: 0, days31To60: 0, days61To90: 0, days90Plus: 0 }, byClient: {}, currency: 'AUD', byCurrency: {} });
  });

  const collections: ScenarioFact[] = [
    issued('b1', 'c1', '2026-03-01', 10_000),
    ...paid('b1', 'p1', '2026-03-31', 10_000, 0), // 30 days: on time
    issued('b2', 'c1', '2026-03-01', 10_000),
    ...paid('b2', 'p2', '2026-04-01', 10_000, 0), // 31 days: late
    issued('b3', 'c1', '2026-03-05', 10_000),
    ...paid('b3', 'p3', '2026-03-06', 5_000, 5_000), // partly paid only: never on time
    issued('b4', 'c1', '2026-03-31', 10_000),
    ...paid('b4', 'p4', '2026-04-20', 10_000, 0), // 20 days: on time
    issued('b5', 'c1', '2026-03-10', 10_000),
    voided('b5', '2026-03-11T00:00:00.000Z'), // voided: not counted
    issued('b6', 'c1', '2026-03-31', 10_000), // unpaid
    issued('b7', 'c1', '2026-04-01', 10_000, { at: '2026-03-31T15:00:00.000Z' }), // April in Brisbane
  ];

  it('rates invoices paid in full within 30 days among those paid or past their 30 days', async () => {
    const context = await given(collections);
    // As of 15 May: all of b1, b2, b3, b4, b6 are paid or 30 days old; on time b1, b4: 2/5.
    expect((await paidWithin30DaysRate(context, march, { asOf: '2026-05-15' })).value).toEqual({
      rate: 0.4,
      paidWithin30Days: 2,
      eligible: 5,
      issued: 5,
      asOf: '2026-05-15',
    });
    // As of 25 April: b6 is 25 days old, not yet judged: 2/4.
    expect((await paidWithin30DaysRate(context, march, { asOf: '2026-04-25' })).value).toMatchObject({ rate: 0.5, eligible: 4 });
    // As of 10 April: b4 is unpaid and 10 days old: b1 on time, b2 late, b3 36 days unpaid: 1/3.
    expect((await paidWithin30DaysRate(context, march, { asOf: '2026-04-10' })).value.rate).toBeCloseTo(1 / 3);
  });

  it('is null when no invoice of the period can be judged yet', async () => {
    const context = await given(collections);
    expect((await paidWithin30DaysRate(context, { from: '2026-06-01', to: '2026-07-01' }, { asOf: '2026-07-15' })).value).toMatchObject({ rate: null, eligible: 0, issued: 0 });
    expect((await paidWithin30DaysRate(context, march, { asOf: '2026-03-31' })).value).toMatchObject({ rate: 1, eligible: 1, issued: 5 });
  });

  it('judges against today by default', async () => {
    const context = await given([issued('old', 'c1', '2020-01-10', 10_000)]);
    const { value } = await paidWithin30DaysRate(context, { from: '2020-01-01', to: '2020-02-01' });
    expect(value).toMatchObject({ rate: 0, eligible: 1 });
  });
});
