import { KpiTargetsDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { DataTable, Status } from '../components/data-table';
import { useQuery } from '../components/use-query';
import { formatPercent } from '../format';
import { DashboardFrame } from './dashboard-parts';

const statusText = { MET: 'Met', AT_RISK: 'At risk', MISSED: 'Missed', NO_DATA: 'No data' } as const;

export function TargetsDashboard() {
  const { period, asOf } = useApp();
  const { data, error, loading } = useQuery(KpiTargetsDocument, { period, asOf }, { live: asOf === null });
  const rows = data?.kpiTargets.value ?? [];
  return (
    <DashboardFrame id="targets" title="Targets">
      <Status error={error} loading={loading && !data} />
      {data && (
        <DataTable
          id="kpi-targets"
          caption="KPI targets in the period (kpis.md)"
          rows={rows}
          rowKey={(row) => row.kpi}
          columns={[
            { header: 'KPI', cell: (row) => row.kpi },
            { header: 'Value', numeric: true, cell: (row) => <span data-kpi={row.kpi} data-value={row.value ?? ''}>{formatPercent(row.value)}</span> },
            { header: 'Target', numeric: true, cell: (row) => formatPercent(row.target) },
            { header: 'Status', cell: (row) => <span className={`badge badge-${row.status.toLowerCase().replace('_', '-')}`}>{statusText[row.status]}</span> },
          ]}
        />
      )}
    </DashboardFrame>
  );
}
