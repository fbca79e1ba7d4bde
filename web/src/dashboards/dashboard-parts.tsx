import { type ReactNode, useMemo } from 'react';
import type { SeriesKpi } from '../../../src/schema/__generated__/schema-types';
import { useApp } from '../components/app-context';
import { Chart, type Series } from '../components/chart';
import { useQuery } from '../components/use-query';
import { KpiSeriesDocument } from '../gql/operations';
import { midnightIn, monthsOf, type Period } from '../period';

/** The events explorer filtered to the facts behind a number: its stream categories in the period. */
export function drillHref(categories: readonly string[], period: Period, timeZone: string, types: readonly string[] = []): string {
  const query = new URLSearchParams({ categories: categories.join(','), from: midnightIn(period.from, timeZone), to: midnightIn(period.to, timeZone) });
  if (types.length > 0) query.set('types', types.join(','));
  return `#/events?${query}`;
}

export function DashboardFrame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <article className="dashboard" data-dashboard={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </article>
  );
}

/**
 * A chart of one KPI per calendar month of the period: one `kpiSeries` request with MONTH buckets,
 * whatever the period's length (the server prices a document by its distinct periods, so a field
 * per month in one document is refused as too expensive).
 */
export function MonthlyTrend({ id, title, kpi, name, kind, format }: { id: string; title: string; kpi: SeriesKpi; name: string; kind?: 'line' | 'bar'; format?: (value: number) => string }) {
  const { period, asOf } = useApp();
  const months = useMemo(() => monthsOf(period), [period]);
  const variables = useMemo(() => ({ kpi, bucket: 'MONTH' as const, asOf, period: { from: months[0]?.from ?? period.from, to: months.at(-1)?.to ?? period.to } }), [kpi, asOf, months, period]);
  const { data, error } = useQuery(KpiSeriesDocument, variables, { live: asOf === null });
  if (error) return <p className="error" role="alert">{title}: {error}</p>;
  if (!data) return <figure className="chart pending" aria-busy="true"><figcaption>{title}</figcaption></figure>;
  const points = data.kpiSeries.points;
  const series: Series[] = [{ name, kind, values: points.map((point) => point.value ?? null) }];
  return <Chart id={id} title={title} categories={points.map((point) => point.from.slice(0, 7))} series={series} format={format} />;
}

export function Panels({ children }: { children: ReactNode }) {
  return <div className="panels">{children}</div>;
}
