import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import type { KpiContext } from '../shared/kpi';
import { issued, paid } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { receivables } from './receivables.queries';
import { revenue } from './revenue.queries';

const june = { from: '2026-06-01', to: '2026-07-01' };

/**
 * Three invoices issued in June 2026 in three currencies, base AUD:
 * a1 A$1,000.00 · h1 HK$51,000.00 at 5.1 HKD per AUD (= A$10,000.00), half paid at 5.0 (HK$25,500 = A$5,100.00)
 * · e1 €300.00 with no rate given (a document the tool did not convert).
 */
const mixed: ScenarioFact[] = [
  issued('a1', 'c1', '2026-06-02', 100_000),
  issued('h1', 'c2', '2026-06-03', 5_100_000, { currency: 'HKD', exchangeRate: 5.1 }),
  ...paid('h1', 'p1', '2026-06-10', 2_550_000, 2_550_000, { currency: 'HKD', exchangeRate: 5.0 }),
  issued('e1', 'c3', '2026-06-04', 30_000, { currency: 'EUR' }),
];

describe('KPIs in the base currency, converted at the tool’s rates', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[], baseCurrency?: string): Promise<KpiContext> => {
    scenario = await projectScenario(financialProjections, facts);
    return baseCurrency ? { ...scenario.context, baseCurrency } : scenario.context;
  };
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('converts accrual revenue at the invoice’s rate and keeps each currency’s own figure', async () => {
    const { value } = await revenue(await given(mixed), june);
    expect(value.currency).toBe('AUD');
    // A$1,000 + HK$51,000 ÷ 5.1; the euro invoice has no rate and stays out of the total.
    expect(value.accrual).toMatchObject({ totalCents: 1_100_000, byCurrency: { AUD: 100_000, HKD: 5_100_000, EUR: 30_000 }, byClient: { c1: 100_000, c2: 1_000_000 } });
  });

  it('converts a payment at its own rate', async () => {
    const { value } = await revenue(await given(mixed), june);
    // HK$25,500 at 5.0 HKD per AUD.
    expect(value.cash).toMatchObject({ totalCents: 510_000, byCurrency: { HKD: 2_550_000 } });
  });

  it('converts the open balances, each payment at its rate', async () => {
    const { value } = await receivables(await given(mixed), june);
    // a1 A$1,000 + h1 (A$10,000 − A$5,100); e1's €300 only under EUR.
    expect(value).toMatchObject({ currency: 'AUD', totalCents: 590_000, invoiceCount: 2, byCurrency: { AUD: 100_000, HKD: 2_550_000, EUR: 30_000 } });
  });

  it('computes in another base currency when the business is configured so', async () => {
    const { value } = await revenue(await given(mixed, 'HKD'), june);
    // Only HKD documents need no rate; the AUD and EUR invoices carry none for HKD.
    expect(value.accrual).toMatchObject({ totalCents: 5_100_000, byCurrency: { AUD: 100_000, HKD: 5_100_000, EUR: 30_000 } });
  });
});
