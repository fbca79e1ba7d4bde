import { type ReactNode, useMemo } from 'react';
import type { Document } from '../api/graphql';
import { useApp } from '../components/app-context';
import { Chart, type Series } from '../components/chart';
import { useQuery } from '../components/use-query';
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

export interface TrendLine<F> {
  readonly name: string;
  readonly pick: (month: F) => number | null | undefined;
  readonly kind?: 'line' | 'bar';
}

/** The dashboards a trend can ask for, by their root field. */
export type TrendRoot = 'serviceDeliveryDashboard' | 'financialDashboard' | 'clientsSupportDashboard' | 'salesPipelineDashboard';

/**
 * One request for every month of the period: the dashboard field once per month under an alias
 * (`m0`, `m1`, …), each selecting the trend's fragment. The server computes each KPI per month and,
 * under asOf, replays the log once for the whole request.
 */
export function trendDocument<F>(root: TrendRoot, fragment: Document<F, unknown>, months: readonly Period[]): Document<Record<string, F>, Record<string, unknown>> {
  const source = fragment.toString();
  const name = /fragment\s+(\w+)\s+on/.exec(source)![1]!;
  const variables = months.map((_, index) => `$p${index}: PeriodInput!`).join(', ');
  const fields = months.map((_, index) => `m${index}: ${root}(period: $p${index}, asOf: $asOf) { ...${name} }`).join('\n  ');
  const query = `query ${name}ByMonth($asOf: DateTime, ${variables}) {\n  ${fields}\n}\n${source}`;
  return { toString: () => query } as Document<Record<string, F>, Record<string, unknown>>;
}

/** A chart of one value per month of the period. */
export function MonthlyTrend<F>({ id, title, root, fragment, lines, format }: { id: string; title: string; root: TrendRoot; fragment: Document<F, unknown>; lines: ReadonlyArray<TrendLine<F>>; format?: (value: number) => string }) {
  const { period, asOf } = useApp();
  const months = useMemo(() => monthsOf(period), [period]);
  const document = useMemo(() => trendDocument(root, fragment, months), [root, fragment, months]);
  const variables = useMemo(() => Object.fromEntries([['asOf', asOf], ...months.map((month, index) => [`p${index}`, month])]), [asOf, months]);
  const { data, error } = useQuery(document, variables, { live: asOf === null });
  if (error) return <p className="error" role="alert">{title}: {error}</p>;
  if (!data) return <figure className="chart pending" aria-busy="true"><figcaption>{title}</figcaption></figure>;
  const answers = months.map((_, index) => data[`m${index}`]!);
  const series: Series[] = lines.map((line) => ({ name: line.name, kind: line.kind, values: answers.map((answer) => line.pick(answer) ?? null) }));
  return <Chart id={id} title={title} categories={months.map((month) => month.from.slice(0, 7))} series={series} format={format} />;
}

export function Panels({ children }: { children: ReactNode }) {
  return <div className="panels">{children}</div>;
}
