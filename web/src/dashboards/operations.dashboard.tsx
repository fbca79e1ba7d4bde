import { OperationsDashboardDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { Chart } from '../components/chart';
import { DataTable, Status } from '../components/data-table';
import { KpiCard, KpiGrid } from '../components/kpi-card';
import { useQuery } from '../components/use-query';
import { formatDateTime, formatNumber, formatPercent, formatWhole } from '../format';
import { DashboardFrame, drillHref, Panels } from './dashboard-parts';

export function OperationsDashboard() {
  const { period, asOf, session } = useApp();
  const { data, error, loading } = useQuery(OperationsDashboardDocument, { period, asOf }, { live: asOf === null });
  const d = data?.operationsDashboard;
  const tz = session.businessTimeZone;
  const runs = d?.workflowRuns.value ?? [];
  return (
    <DashboardFrame id="operations" title="Operations">
      <Status error={error} loading={loading && !d} />
      {d && (
        <>
          <KpiGrid>
            <KpiCard kpi="manualWorkSaved" label="Manual work saved" raw={d.manualWorkSaved.value.minutes} shown={`${formatNumber(d.manualWorkSaved.value.minutes / 60)} h`} eventCount={d.manualWorkSaved.eventCount} drillTo={drillHref(['WorkflowRun'], period, tz)} />
            <KpiCard kpi="manualWorkReduction" label="Manual work reduction" raw={d.manualWorkReduction.value.rate} shown={formatPercent(d.manualWorkReduction.value.rate)} detail={`${formatNumber(d.manualWorkReduction.value.manualMinutes / 60)} h still manual`} />
            <KpiCard kpi="workflowRuns" label="Workflow runs" raw={runs.reduce((sum, row) => sum + row.runs, 0)} shown={formatWhole(runs.reduce((sum, row) => sum + row.runs, 0))} detail={`${formatWhole(runs.reduce((sum, row) => sum + row.failed, 0))} failed`} eventCount={d.workflowRuns.eventCount} drillTo={drillHref(['WorkflowRun'], period, tz)} />
            <KpiCard kpi="webhookDeliveries" label="Webhook deliveries" raw={d.webhookDeliveries.value.reduce((sum, row) => sum + row.received, 0)} shown={formatWhole(d.webhookDeliveries.value.reduce((sum, row) => sum + row.received, 0))} detail={`${formatWhole(d.webhookDeliveries.value.reduce((sum, row) => sum + row.parked, 0))} parked`} />
          </KpiGrid>
          <Panels>
            <Chart
              id="workflow-runs"
              title="Workflow runs by workflow"
              categories={runs.map((row) => row.workflow)}
              series={[
                { name: 'Succeeded', kind: 'bar', values: runs.map((row) => row.succeeded) },
                { name: 'Failed', kind: 'bar', values: runs.map((row) => row.failed) },
                { name: 'Skipped', kind: 'bar', values: runs.map((row) => row.skipped) },
              ]}
              format={formatWhole}
            />
          </Panels>
          <DataTable
            id="sync-status"
            caption="Data sources"
            rows={d.syncStatus.value}
            rowKey={(row) => row.source}
            columns={[
              { header: 'Source', cell: (row) => row.source },
              { header: 'Health', cell: (row) => <span className={`badge badge-${row.status.toLowerCase()}`}>{row.status}</span> },
              { header: 'Last success', cell: (row) => formatDateTime(row.lastSuccessAt, tz) },
              { header: 'Failures in a row', numeric: true, cell: (row) => formatWhole(row.consecutiveFailures) },
              { header: 'Last failure', cell: (row) => row.lastFailureMessage ?? '—' },
            ]}
          />
          <DataTable
            id="webhook-deliveries"
            caption="Webhook deliveries by tool"
            rows={d.webhookDeliveries.value}
            rowKey={(row) => row.tool}
            columns={[
              { header: 'Tool', cell: (row) => row.tool },
              { header: 'Received', numeric: true, cell: (row) => formatWhole(row.received) },
              { header: 'Processed', numeric: true, cell: (row) => formatWhole(row.processed) },
              { header: 'Failed', numeric: true, cell: (row) => formatWhole(row.failed) },
              { header: 'Parked', numeric: true, cell: (row) => formatWhole(row.parked) },
              { header: 'Rejected', numeric: true, cell: (row) => formatWhole(row.rejected) },
              { header: 'Backlog', numeric: true, cell: (row) => formatWhole(row.unprocessed) },
            ]}
          />
          {d.projectionLag && (
            <DataTable
              id="projection-lag"
              caption="Read models behind the log"
              rows={d.projectionLag.value}
              rowKey={(row) => row.projection}
              columns={[
                { header: 'Read model', cell: (row) => row.projection },
                { header: 'Events behind', numeric: true, cell: (row) => formatWhole(row.eventsBehind) },
                { header: 'Seconds behind', numeric: true, cell: (row) => formatNumber(row.secondsBehind) },
              ]}
            />
          )}
        </>
      )}
    </DashboardFrame>
  );
}
