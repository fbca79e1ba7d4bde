import type { ReactNode } from 'react';

export interface KpiCardProps {
  /** The KPI's name in the API (kpis.md); tests find the card by it. */
  readonly kpi: string;
  readonly label: string;
  /** The raw number behind the shown text (cents, fraction, count), null when there is none. */
  readonly raw: number | null | undefined;
  readonly shown: string;
  readonly detail?: ReactNode;
  readonly eventCount?: number;
  /** Where the facts behind the number are listed (the events explorer, filtered). */
  readonly drillTo?: string;
}

export function KpiCard({ kpi, label, raw, shown, detail, eventCount, drillTo }: KpiCardProps) {
  return (
    <section className="kpi" data-kpi={kpi} data-value={raw ?? ''} aria-label={label}>
      <h3>{label}</h3>
      <p className="kpi-value">{shown}</p>
      {detail !== undefined && <p className="kpi-detail">{detail}</p>}
      <p className="kpi-meta">
        {eventCount !== undefined && <span>{eventCount.toLocaleString('en-AU')} events</span>}
        {drillTo && (
          <a href={drillTo} className="drill" aria-label={`Facts behind ${label}`}>
            facts →
          </a>
        )}
      </p>
    </section>
  );
}

export function KpiGrid({ children }: { children: ReactNode }) {
  return <div className="kpi-grid">{children}</div>;
}
