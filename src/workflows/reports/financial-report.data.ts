import { mrrMovements, profitMargin, receivables, revenue, type MrrMovements, type ProfitMargin, type Receivables, type Revenue } from '../../projections/financial';
import type { KpiContext } from '../../projections/shared/kpi';
import { kpiTargets, type KpiTarget } from '../../projections/targets';

export interface FinancialReport {
  readonly from: string;
  readonly to: string;
  readonly revenue: Revenue;
  readonly mrr: MrrMovements;
  readonly receivables: Receivables;
  readonly margin: ProfitMargin;
  readonly targets: readonly KpiTarget[];
}

/** The week's financial KPIs, each from its own query (kpis.md). */
export async function financialReport(kpi: KpiContext, week: { from: string; to: string }): Promise<FinancialReport> {
  const [revenueResult, mrrResult, receivablesResult, marginResult, targetsResult] = await Promise.all([
    revenue(kpi, week),
    mrrMovements(kpi, week),
    receivables(kpi, week),
    profitMargin(kpi, week),
    kpiTargets(kpi, week, { asOf: week.to }),
  ]);
  return {
    ...week,
    revenue: revenueResult.value,
    mrr: mrrResult.value,
    receivables: receivablesResult.value,
    margin: marginResult.value,
    targets: targetsResult.value,
  };
}
