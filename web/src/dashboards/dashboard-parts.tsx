import type { ReactNode } from 'react';
import type { Document } from '../api/graphql';
import { useApp } from '../components/app-context';
import { Chart, type Series } from '../components/chart';
import { useQueries } from '../components/use-query';
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

export interface TrendLine<R> {
  readonly name: string;
  readonly pick: (answer: R) => number | null | undefined;
  readonly kind?: 'line' | 'bar';
}

/** A chart of one value per month of the period, each month asked as a period of its own. */
export function MonthlyTrend<R>({ id, title, document, lines, format }: { id: string; title: string; document: Document<R, { period: Period; asOf?: string | null }>; lines: ReadonlyArray<TrendLine<R>>; format?: (value: number) => string }) {
  const { period, asOf } = useApp();
  const months = monthsOf(period);
  const { data, error } = useQueries(document, months.map((month) => ({ period: month, asOf })), { live: asOf === null });
  if (error) return <p className="error" role="alert">{title}: {error}</p>;
  if (!data) return <figure className="chart pending" aria-busy="true"><figcaption>{title}</figcaption></figure>;
  const series: Series[] = lines.map((line) => ({ name: line.name, kind: line.kind, values: data.map((answer) => line.pick(answer) ?? null) }));
  return <Chart id={id} title={title} categories={months.map((month) => month.from.slice(0, 7))} series={series} format={format} />;
}

export function Panels({ children }: { children: ReactNode }) {
  return <div className="panels">{children}</div>;
}
