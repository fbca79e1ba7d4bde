import {
  arpa,
  arr,
  cashFlow,
  clientLtv,
  costs,
  customerChurnRate,
  mrr,
  mrrMovements,
  paidWithin30DaysRate,
  profitMargin,
  receivables,
  revenue,
  revenuePerConsultantHour,
  type RevenueBreakdown,
} from '../../projections/financial';
import type { FinancialDashboard } from './financial-dashboard.type';
import { enumRowsOf, rowsOf } from './kpi.type';
import { asIs, businessDateOf, type KpiFields, kpiField } from './kpi-source';

const breakdown = (value: RevenueBreakdown) => ({
  totalCents: value.totalCents,
  byCurrency: rowsOf(value.byCurrency),
  byTier: rowsOf(value.byTier),
  byClient: rowsOf(value.byClient),
  byMonth: rowsOf(value.byMonth),
});

export const financialFields: KpiFields<FinancialDashboard> = {
  revenue: kpiField(revenue, (value) => ({ currency: value.currency, accrual: breakdown(value.accrual), cash: breakdown(value.cash) })),
  mrr: kpiField(mrr, (value) => ({ ...value, byTier: rowsOf(value.byTier) })),
  arr: kpiField(arr, (value) => ({ ...value, byTier: rowsOf(value.byTier) })),
  mrrMovements: kpiField(mrrMovements, asIs),
  costs: kpiField(costs, (value) => ({ ...value, byCategory: enumRowsOf(value.byCategory), byMonth: rowsOf(value.byMonth) })),
  profitMargin: kpiField(profitMargin, (value) => ({ ...value, byTier: rowsOf(value.byTier) })),
  revenuePerConsultantHour: kpiField(revenuePerConsultantHour, asIs),
  arpa: kpiField(arpa, asIs),
  customerChurnRate: kpiField(customerChurnRate, asIs),
  clientLtv: kpiField(clientLtv, asIs),
  cashFlow: kpiField(cashFlow, (value) => ({ ...value, byMonth: rowsOf(value.byMonth) })),
  receivables: kpiField(receivables, (value) => ({ ...value, byClient: rowsOf(value.byClient), byCurrency: rowsOf(value.byCurrency) })),
  // "Whose 30 days have passed" is judged on today (live) or the asOf date.
  paidWithin30DaysRate: kpiField((context, period, scope) => paidWithin30DaysRate(context, period, { asOf: businessDateOf(scope) }), asIs, { varies: businessDateOf }),
};
