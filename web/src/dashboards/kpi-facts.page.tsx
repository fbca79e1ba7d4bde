import { useEffect, useMemo, useState } from 'react';
import { combineFacts } from '../../../src/projections/provenance/fact-combination';
import type { FactCombination, FactKpi } from '../../../src/schema/__generated__/schema-types';
import { useApp } from '../components/app-context';
import { type Column, DataTable, Status } from '../components/data-table';
import { useQuery } from '../components/use-query';
import { formatNumber } from '../format';
import { type KpiFactsQuery, KpiFactsDocument } from '../gql/operations';

type Fact = KpiFactsQuery['kpiFacts']['edges'][number]['node'];

const explained: Record<FactCombination, string> = {
  SUM: 'the sum of the counted contributions',
  SHARE: 'the counted contributions (1 or 0) over the number of counted facts',
  NET_SHARE_PERCENT: 'the counted contributions (+1, 0, −1) over the number of counted facts, × 100',
  MEAN: 'the mean of the counted contributions',
  MEAN_ROUNDED: 'the mean of the counted contributions, to a whole number',
  MEDIAN: 'the median of the counted contributions',
  P90: 'the 90th percentile of the counted contributions',
  RATIO: 'the counted contributions over the counted weights',
};

const columns: ReadonlyArray<Column<Fact>> = [
  { header: 'Entity', cell: (fact) => fact.entity },
  { header: 'Id', cell: (fact) => <a href={`#/events?${new URLSearchParams({ stream: fact.stream })}`}>{fact.entityId}</a> },
  { header: 'Judged on', cell: (fact) => fact.date },
  { header: 'Counted', cell: (fact) => (fact.counted ? 'yes' : 'no') },
  { header: 'Rule', cell: (fact) => fact.rule },
  { header: 'Contribution', numeric: true, cell: (fact) => formatNumber(fact.contribution) },
  { header: 'Weight', numeric: true, cell: (fact) => (fact.weight === null || fact.weight === undefined ? '' : formatNumber(fact.weight)) },
  { header: 'Events', numeric: true, cell: (fact) => fact.events },
];

/** `#/facts?kpi=…`: the facts behind a dashboard number in the chosen period, a page at a time, each linked to its stream. */
export function KpiFactsPage({ query }: { query: URLSearchParams }) {
  const { period, asOf } = useApp();
  const kpi = (query.get('kpi') ?? 'BILLABLE_HOURS') as FactKpi;
  const label = query.get('label') ?? kpi;
  const [after, setAfter] = useState<string | null>(null);
  const [shown, setShown] = useState<Fact[]>([]);
  const key = `${kpi} ${period.from} ${period.to}`;
  useEffect(() => {
    setAfter(null);
    setShown([]);
  }, [key]);
  const variables = useMemo(() => ({ kpi, period, first: 200, after }), [kpi, period, after]);
  const { data, error, loading } = useQuery(KpiFactsDocument, variables, { live: asOf === null && after === null });
  useEffect(() => {
    if (data) setShown((previous) => [...(after ? previous : []), ...data.kpiFacts.edges.map((edge) => edge.node)]);
  }, [data]);
  const combination = data?.kpiFacts.combination;
  const complete = data !== null && !data.kpiFacts.pageInfo.hasNextPage;
  const value = combination && complete ? combineFacts(combination, shown) : null;
  return (
    <article className="dashboard" data-dashboard="facts" aria-labelledby="facts-title">
      <h2 id="facts-title">Facts behind {label}</h2>
      <p>
        {period.from} to {period.to} (end exclusive){combination && <> · the value is {explained[combination]}</>}
      </p>
      {complete && (
        <p role="status" data-facts-value={value ?? ''}>
          {shown.filter((fact) => fact.counted).length} counted of {shown.length} listed; together they make {value === null ? 'no value' : formatNumber(value)}
        </p>
      )}
      <Status error={error} loading={loading && shown.length === 0} />
      <DataTable id="facts" caption={`Facts of ${label} (${shown.length} shown)`} columns={columns} rows={shown} rowKey={(fact) => `${fact.stream}/${fact.entityId}/${fact.date}`} />
      {data?.kpiFacts.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.kpiFacts.pageInfo.endCursor ?? null)}>
          Load more
        </button>
      )}
    </article>
  );
}
