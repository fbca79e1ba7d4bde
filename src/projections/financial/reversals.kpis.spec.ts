import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import type { KpiContext } from '../shared/kpi';
import { credited, invoiceDeleted, invoiceRestored, issued, paid, paymentDeleted, projectStarted, refunded } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { projectMargin } from './project-margin.queries';
import { paidWithin30DaysRate, receivables } from './receivables.queries';
import { revenue } from './revenue.queries';

const march = { from: '2026-03-01', to: '2026-04-01' };
const april = { from: '2026-04-01', to: '2026-05-01' };

/**
 * One invoice per kind of reversal, all issued in March 2026 (AUD, due on their issue date):
 * r1 paid, then deleted in April · r2 paid, then the payment deleted in April · r3 paid, then
 * 300.00 refunded on 2 April · r4 credited 200.00 then paid the rest · r5 deleted and restored.
 */
const reversals: ScenarioFact[] = [
  projectStarted('p1', 'c1', 'STARTER', '2026-03-01'),
  issued('r1', 'c1', '2026-03-02', 100_000),
  ...paid('r1', 'p1', '2026-03-10', 100_000, 0),
  invoiceDeleted('r1', '2026-04-05T01:00:00.000Z'),
  issued('r2', 'c1', '2026-03-03', 50_000),
  ...paid('r2', 'p2', '2026-03-12', 50_000, 0),
  paymentDeleted('r2', 'p2', '2026-04-06T01:00:00.000Z', 50_000, 50_000),
  issued('r3', 'c2', '2026-03-04', 80_000),
  ...paid('r3', 'p3', '2026-03-20', 80_000, 0),
  refunded('r3', 'p3', '2026-04-02', 30_000, 30_000),
  issued('r4', 'c2', '2026-03-05', 60_000, { projectId: 'p1' }),
  ...credited('r4', 'cn1', '2026-03-06', 20_000, 40_000),
  ...paid('r4', 'p4', '2026-03-25', 40_000, 0),
  issued('r5', 'c1', '2026-03-06', 10_000),
  invoiceDeleted('r5', '2026-03-07T01:00:00.000Z'),
  invoiceRestored('r5', '2026-03-08T01:00:00.000Z'),
];

describe('KPIs honour deletions, refunds and credits', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> =>
    (scenario = await projectScenario([...financialProjections, ...deliveryProjections], facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('counts accrual revenue without the deleted invoice and with the credit taken off', async () => {
    const context = await given(reversals);
    const { value } = await revenue(context, march);
    // r2 500.00 + r3 800.00 + r4 (600.00 − 200.00 credit) + r5 100.00; r1 was deleted.
    expect(value.accrual.totalCents).toBe(180_000);
    expect(value.accrual.byClient).toEqual({ c1: 60_000, c2: 120_000 });
  });

  it('counts cash without deleted payments, and a refund as cash out on its own date', async () => {
    const context = await given(reversals);
    // March: r3 800.00 + r4 400.00 (r1's payment went with the invoice, r2's was deleted; a credit is no cash).
    expect((await revenue(context, march)).value.cash).toMatchObject({ totalCents: 120_000, byMonth: { '2026-03': 120_000 } });
    // April: the 300.00 refunded on r3.
    expect((await revenue(context, april)).value.cash).toMatchObject({ totalCents: -30_000, byClient: { c2: -30_000 } });
  });

  it('puts deleted payments and refunds back on receivables, and takes deleted invoices off', async () => {
    const context = await given(reversals);
    // End of March: r2 500.00 (its payment never counted) and r5 100.00, both 25–28 days past due; r3 was paid then.
    expect((await receivables(context, march)).value).toMatchObject({ totalCents: 60_000, invoiceCount: 2, aging: { days1To30: 60_000 }, byClient: { c1: 60_000 } });
    // End of April: r2 500.00, r3 300.00 refunded, r5 100.00 — 55 to 58 days past due.
    expect((await receivables(context, april)).value).toMatchObject({ totalCents: 90_000, invoiceCount: 3, aging: { days31To60: 90_000 }, byClient: { c1: 60_000, c2: 30_000 } });
  });

  it('judges paid within 30 days on what is settled now', async () => {
    const context = await given(reversals);
    const { value } = await paidWithin30DaysRate(context, march, { asOf: '2026-05-10' });
    // Issued: r2, r3, r4, r5 (r1 deleted). Only r4 is settled (credit + payment on 25 March, 20 days).
    expect(value).toEqual({ rate: 0.25, paidWithin30Days: 1, eligible: 4, issued: 4, asOf: '2026-05-10' });
  });

  it('takes a credit off the project revenue behind profitability', async () => {
    const context = await given(reversals);
    const { value } = await projectMargin(context, march);
    expect(value.byProject['p1']).toMatchObject({ revenueCents: 40_000 });
  });
});
