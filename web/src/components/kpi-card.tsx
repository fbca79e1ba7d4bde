import type { ReactNode } from 'react';
import type { FactKpi } from '../../../src/schema/__generated__/schema-types';

/** The drill-down (`kpiFacts`) of each card whose number the API can take apart into facts. */
const factsOf: Readonly<Record<string, FactKpi>> = {
  activeProjects: 'ACTIVE_PROJECTS',
  projectsCompleted: 'PROJECTS_COMPLETED',
  onTimeDeliveryRate: 'ON_TIME_DELIVERY_RATE',
  averageProjectDurationDays: 'AVERAGE_PROJECT_DURATION_DAYS',
  billableHours: 'BILLABLE_HOURS',
  billableUtilisation: 'BILLABLE_UTILISATION',
  revenue: 'REVENUE_ACCRUAL_CENTS',
  mrr: 'MRR_CENTS',
  arr: 'ARR_CENTS',
  profitMargin: 'PROFIT_MARGIN',
  costs: 'COSTS_CENTS',
  receivables: 'RECEIVABLES_CENTS',
  paidWithin30DaysRate: 'PAID_WITHIN_30_DAYS_RATE',
  customerChurnRate: 'CUSTOMER_CHURN_RATE',
  arpa: 'ARPA_CENTS',
  ticketVolume: 'TICKETS_OPENED',
  firstResponseTime: 'FIRST_RESPONSE_MEDIAN_MINUTES',
  resolutionTime: 'RESOLUTION_MEDIAN_MINUTES',
  csat: 'CSAT',
  nps: 'NPS',
  clientRetentionRate: 'CLIENT_RETENTION_RATE',
  leadsBySource: 'LEADS_CAPTURED',
  winRate: 'WIN_RATE',
  salesCycleDays: 'SALES_CYCLE_DAYS',
  manualWorkSaved: 'MANUAL_WORK_SAVED_MINUTES',
  manualWorkReduction: 'MANUAL_WORK_REDUCTION',
};

export const factsHref = (kpi: FactKpi, label: string): string => `#/facts?${new URLSearchParams({ kpi, label })}`;

export interface KpiCardProps {
  /** The KPI's name in the API (kpis.md); tests find the card by it. */
  readonly kpi: string;
  readonly label: string;
  /** The raw number behind the shown text (cents, fraction, count), null when there is none. */
  readonly raw: number | null | undefined;
  readonly shown: string;
  readonly detail?: ReactNode;
  readonly eventCount?: number;
  /** Where the events behind a number without a drill-down are listed (the events explorer, filtered). */
  readonly drillTo?: string;
}

export function KpiCard({ kpi, label, raw, shown, detail, eventCount, drillTo }: KpiCardProps) {
  const facts = factsOf[kpi];
  const href = facts ? factsHref(facts, label) : drillTo;
  return (
    <section className="kpi" data-kpi={kpi} data-value={raw ?? ''} aria-label={label}>
      <h3>{label}</h3>
      <p className="kpi-value">{shown}</p>
      {detail !== undefined && <p className="kpi-detail">{detail}</p>}
      <p className="kpi-meta">
        {eventCount !== undefined && <span>{eventCount.toLocaleString('en-AU')} events</span>}
        {href && (
          <a href={href} className="drill" aria-label={`${facts ? "Facts" : "Events"} behind ${label}`}>
            {facts ? 'facts →' : 'events →'}
          </a>
        )}
      </p>
    </section>
  );
}

export function KpiGrid({ children }: { children: ReactNode }) {
  return <div className="kpi-grid">{children}</div>;
}
