import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import type { KpiContext } from '../shared/kpi';
import { arpa, clientLtv, customerChurnRate } from './customer-value.queries';
import { offboarded, onboarded, reactivated, retainerCancelled, retainerChanged, retainerStarted, tierChanged } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { arr, mrr, mrrMovements } from './recurring-revenue.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };
const march = { from: '2026-03-01', to: '2026-04-01' };

/*
 * Start of April in Brisbane = 2026-03-31T14:00Z; end = 2026-04-30T14:00Z.
 * Opening MRR: c1 100_000 + c2 (200_000 + 50_000 annual/12) + c3 300_000 + c7 25_000 = 675_000.
 * April: c1 +50_000 expansion; c2 −20_000 contraction; c3 −300_000 churn (offboarded);
 * c4 +80_000 new; c6 +40_000 new (01:00 on 1 April in Brisbane, still 31 March in UTC);
 * c5 +70_000 reactivation (churned in March). Net new = 120_000 + 50_000 + 70_000 − 20_000 − 300_000 = −80_000.
 * Closing MRR = 675_000 − 80_000 = 595_000 over 6 paying clients.
 */
const book: ScenarioFact[] = [
  onboarded('c1', '2026-01-10T00:00:00.000Z', 'STARTER'),
  retainerStarted('c1', 'r1', '2026-01-10T00:00:00.000Z', 100_000),
  onboarded('c3', '2026-01-01T00:00:00.000Z', 'ENTERPRISE'),
  retainerStarted('c3', 'r4', '2026-01-01T00:00:00.000Z', 300_000),
  onboarded('c5', '2026-01-01T00:00:00.000Z', 'STARTER'),
  retainerStarted('c5', 'r6', '2026-01-01T00:00:00.000Z', 60_000),
  onboarded('c2', '2026-02-01T00:00:00.000Z', 'PROFESSIONAL'),
  retainerStarted('c2', 'r2', '2026-02-01T00:00:00.000Z', 200_000),
  retainerStarted('c2', 'r3', '2026-02-15T00:00:00.000Z', 50_000, 'ANNUAL'),
  retainerCancelled('c5', 'r6', '2026-03-01T00:00:00.000Z', 60_000),
  offboarded('c5', '2026-03-01T00:00:00.000Z'),
  onboarded('c7', '2026-03-01T00:00:00.000Z', 'ENTERPRISE'),
  retainerStarted('c7', 'r8', '2026-03-31T13:59:59.000Z', 25_000), // 23:59:59 on 31 March in Brisbane
  onboarded('c6', '2026-03-31T15:00:00.000Z', 'PROFESSIONAL'), // 01:00 on 1 April in Brisbane
  retainerStarted('c6', 'r9', '2026-03-31T15:00:00.000Z', 40_000),
  retainerCancelled('c3', 'r4', '2026-04-05T00:00:00.000Z', 300_000),
  offboarded('c3', '2026-04-05T00:00:00.000Z'),
  reactivated('c5', '2026-04-08T00:00:00.000Z'),
  retainerStarted('c5', 'r7', '2026-04-08T00:00:00.000Z', 70_000),
  retainerChanged('c1', 'r1', '2026-04-10T00:00:00.000Z', 100_000, 150_000),
  retainerChanged('c2', 'r3', '2026-04-15T00:00:00.000Z', 50_000, 30_000),
  onboarded('c4', '2026-04-20T00:00:00.000Z', 'STARTER'),
  retainerStarted('c4', 'r5', '2026-04-20T00:00:00.000Z', 80_000),
  tierChanged('c2', '2026-04-25T00:00:00.000Z', 'PROFESSIONAL', 'ENTERPRISE'),
  retainerChanged('c1', 'r1', '2026-04-30T14:00:00.000Z', 150_000, 160_000), // 00:00 on 1 May in Brisbane
];

describe('recurring revenue KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> => (scenario = await projectScenario(financialProjections, facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('sums the retainers in effect at the end of the period, by the tier clients have then', async () => {
    const context = await given(book);
    const { value, eventCount, position } = await mrr(context, april);
    // STARTER c1 150_000 + c4 80_000 + c5 70_000; ENTERPRISE c2 230_000 (tier changed 25 April) + c7 25_000; PROFESSIONAL c6.
    expect(value).toEqual({ mrrCents: 595_000, payingClients: 6, byTier: { STARTER: 300_000, ENTERPRISE: 255_000, PROFESSIONAL: 40_000 } });
    expect(eventCount).toBe(book.length);
    expect(position).not.toBeNull();
    expect((await arr(context, april)).value).toEqual({ arrCents: 7_140_000, byTier: { STARTER: 3_600_000, ENTERPRISE: 3_060_000, PROFESSIONAL: 480_000 } });
  });

  it('classifies every movement and nets them to the change in MRR', async () => {
    const context = await given(book);
    expect((await mrrMovements(context, april)).value).toEqual({
      startMrrCents: 675_000,
      endMrrCents: 595_000,
      newCents: 120_000,
      expansionCents: 50_000,
      contractionCents: 20_000,
      churnCents: 300_000,
      reactivationCents: 70_000,
      netNewCents: -80_000,
      counts: { new: 2, expansion: 1, contraction: 1, churn: 1, reactivation: 1 },
    });
  });

  it('keeps mrr(end) = mrr(start) + net new from month to month', async () => {
    const context = await given(book);
    const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'];
    let previousEnd = 0;
    for (let i = 0; i < months.length - 1; i++) {
      const period = { from: months[i]!, to: months[i + 1]! };
      const movements = (await mrrMovements(context, period)).value;
      expect(movements.startMrrCents).toBe(previousEnd);
      expect(movements.endMrrCents).toBe(movements.startMrrCents + movements.netNewCents);
      expect((await mrr(context, period)).value.mrrCents).toBe(movements.endMrrCents);
      previousEnd = movements.endMrrCents;
    }
    // May: c1 150_000 → 160_000 at 00:00 on 1 May in Brisbane.
    expect(previousEnd).toBe(605_000);
  });

  it('counts a client whose last retainer ends without offboarding as churn, and its next retainer as reactivation', async () => {
    const context = await given([
      onboarded('c1', '2026-01-01T00:00:00.000Z'),
      retainerStarted('c1', 'r1', '2026-01-01T00:00:00.000Z', 10_000),
      retainerStarted('c1', 'r2', '2026-01-01T00:00:00.000Z', 5_000),
      retainerCancelled('c1', 'r1', '2026-04-02T00:00:00.000Z', 10_000), // contraction 10_000
      retainerCancelled('c1', 'r2', '2026-04-03T00:00:00.000Z', 5_000), // churn 5_000
      retainerStarted('c1', 'r3', '2026-04-20T00:00:00.000Z', 8_000), // reactivation 8_000
    ]);
    const { value } = await mrrMovements(context, april);
    expect(value).toMatchObject({ startMrrCents: 15_000, endMrrCents: 8_000, contractionCents: 10_000, churnCents: 5_000, reactivationCents: 8_000, newCents: 0, netNewCents: -7_000 });
  });

  it('divides MRR by paying clients for ARPA and by the monthly churn rate for LTV', async () => {
    const context = await given(book);
    // 595_000 / 6 = 99_166.67 → 99_167 cents.
    expect((await arpa(context, april)).value).toEqual({ arpaCents: 99_167, mrrCents: 595_000, payingClients: 6 });
    // Active on 1 April: c1, c2, c3, c7 (c5 left in March, c4 and c6 joined in April); c3 churned: 1/4.
    expect((await customerChurnRate(context, april)).value).toEqual({ churnedClients: 1, activeAtStart: 4, rate: 0.25 });
    // 99_167 / 0.25 = 396_668.
    expect((await clientLtv(context, april)).value).toMatchObject({ churnRate: 0.25, monthlyChurnRate: 0.25, ltvCents: 396_668 });
  });

  it('spreads the churn rate of a longer period over its months for LTV', async () => {
    const context = await given(book);
    // March–April: active on 1 March c1, c2, c3, c5; churned c5 (March) and c3 (April): 2/4 over 2 months.
    const twoMonths = { from: march.from, to: april.to };
    expect((await clientLtv(context, twoMonths)).value).toMatchObject({ churnRate: 0.5, monthlyChurnRate: 0.25, arpaCents: 99_167, ltvCents: 396_668 });
    expect((await customerChurnRate(context, march)).value).toEqual({ churnedClients: 1, activeAtStart: 4, rate: 0.25 });
  });

  it('gives no LTV when nobody churned, and nulls and zeros for an empty book', async () => {
    const context = await given(book);
    // February: c1, c3, c5 active on 1 February; nobody left.
    const february = { from: '2026-02-01', to: '2026-03-01' };
    expect((await clientLtv(context, february)).value).toMatchObject({ churnRate: 0, ltvCents: null });
    const december = { from: '2025-12-01', to: '2026-01-01' };
    expect((await mrr(context, december)).value).toEqual({ mrrCents: 0, payingClients: 0, byTier: {} });
    expect((await arpa(context, december)).value.arpaCents).toBeNull();
    expect((await customerChurnRate(context, december)).value).toEqual({ churnedClients: 0, activeAtStart: 0, rate: null });
    expect((await clientLtv(context, december)).value.ltvCents).toBeNull();
  });
});
