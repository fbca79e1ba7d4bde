import type { TargetKpi } from '../../projections/targets';
import { clientsSupportFields } from './clients-support.fields';
import { financialFields } from './financial-dashboard.fields';
import type { KpiField, KpiValue } from './kpi-source';
import { operationsFields } from './operations.fields';
import { salesPipelineFields } from './sales-pipeline.fields';
import { serviceDeliveryFields } from './service-delivery.fields';

/** A KPI a series can chart: the dashboard field that computes it and the number it plots. */
export interface SeriesKpiDefinition {
  /** The dashboard field's name: a series point and a dashboard share their cached value. */
  readonly name: string;
  readonly field: KpiField<KpiValue<never>>;
  readonly plot: (value: never) => number | null;
  readonly target?: TargetKpi;
}

// Each field's value type is checked where the plot reads it.
const series = <V>(name: string, field: KpiField<KpiValue<V>>, plot: (value: V) => number | null, target?: TargetKpi): SeriesKpiDefinition =>
  ({ name, field, plot, ...(target ? { target } : {}) }) as unknown as SeriesKpiDefinition;

const d = serviceDeliveryFields;
const f = financialFields;
const s = clientsSupportFields;
const p = salesPipelineFields;
const o = operationsFields;

/** Every period KPI with one headline number, by the name of the `SeriesKpi` enum. */
export const seriesKpis = {
  ACTIVE_PROJECTS: series('activeProjects', d.activeProjects, (v) => v.total),
  PROJECTS_COMPLETED: series('projectsCompleted', d.projectsCompleted, (v) => v),
  AVERAGE_PROJECT_DURATION_DAYS: series('averageProjectDurationDays', d.averageProjectDurationDays, (v) => v.days),
  ON_TIME_DELIVERY_RATE: series('onTimeDeliveryRate', d.onTimeDeliveryRate, (v) => v.rate),
  BILLABLE_HOURS: series('billableHours', d.billableHours, (v) => v.totalHours),
  BILLABLE_UTILISATION: series('billableUtilisation', d.billableUtilisation, (v) => v.team.utilisation, 'billableUtilisation'),
  REVENUE_ACCRUAL_CENTS: series('revenue', f.revenue, (v) => v.accrual.totalCents),
  REVENUE_CASH_CENTS: series('revenue', f.revenue, (v) => v.cash.totalCents),
  MRR_CENTS: series('mrr', f.mrr, (v) => v.mrrCents),
  ARR_CENTS: series('arr', f.arr, (v) => v.arrCents),
  NET_NEW_MRR_CENTS: series('mrrMovements', f.mrrMovements, (v) => v.netNewCents),
  COSTS_CENTS: series('costs', f.costs, (v) => v.totalCents),
  PROFIT_MARGIN: series('profitMargin', f.profitMargin, (v) => v.margin),
  REVENUE_PER_CONSULTANT_HOUR_CENTS: series('revenuePerConsultantHour', f.revenuePerConsultantHour, (v) => v.centsPerHour),
  ARPA_CENTS: series('arpa', f.arpa, (v) => v.arpaCents),
  CUSTOMER_CHURN_RATE: series('customerChurnRate', f.customerChurnRate, (v) => v.rate),
  CASH_FLOW_NET_CENTS: series('cashFlow', f.cashFlow, (v) => v.netCents),
  RECEIVABLES_CENTS: series('receivables', f.receivables, (v) => v.totalCents),
  PAID_WITHIN_30_DAYS_RATE: series('paidWithin30DaysRate', f.paidWithin30DaysRate, (v) => v.rate, 'paidWithin30DaysRate'),
  TICKETS_OPENED: series('ticketVolume', s.ticketVolume, (v) => v.opened),
  FIRST_RESPONSE_MEDIAN_MINUTES: series('firstResponseTime', s.firstResponseTime, (v) => v.medianMinutes),
  FIRST_RESPONSE_P90_MINUTES: series('firstResponseTime', s.firstResponseTime, (v) => v.p90Minutes),
  RESOLUTION_MEDIAN_MINUTES: series('resolutionTime', s.resolutionTime, (v) => v.medianMinutes),
  RESOLUTION_P90_MINUTES: series('resolutionTime', s.resolutionTime, (v) => v.p90Minutes),
  CSAT: series('csat', s.csat, (v) => v.rate, 'csat'),
  NPS: series('nps', s.nps, (v) => v.score),
  CLIENT_RETENTION_RATE: series('clientRetentionRate', s.clientRetentionRate, (v) => v.rate),
  LEADS_CAPTURED: series('leadsBySource', p.leadsBySource, (v) => v.captured),
  WIN_RATE: series('winRate', p.winRate, (v) => v.rate),
  SALES_CYCLE_DAYS: series('salesCycleDays', p.salesCycleDays, (v) => v.days),
  MANUAL_WORK_SAVED_MINUTES: series('manualWorkSaved', o.manualWorkSaved, (v) => v.minutes),
  MANUAL_WORK_REDUCTION: series('manualWorkReduction', o.manualWorkReduction, (v) => v.rate, 'manualWorkReduction'),
} as const;

export type SeriesKpiName = keyof typeof seriesKpis;
