import { SalesPipelineDashboardDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { Chart } from '../components/chart';
import { DataTable, Status } from '../components/data-table';
import { KpiCard, KpiGrid } from '../components/kpi-card';
import { useQuery } from '../components/use-query';
import { formatCents, formatNumber, formatPercent, formatWhole } from '../format';
import { DashboardFrame, drillHref, MonthlyTrend, Panels } from './dashboard-parts';

export function SalesPipelineDashboard() {
  const { period, asOf, session } = useApp();
  const { data, error, loading } = useQuery(SalesPipelineDashboardDocument, { period, asOf }, { live: asOf === null });
  const d = data?.salesPipelineDashboard;
  const drill = (categories: string[]) => drillHref(categories, period, session.businessTimeZone);
  return (
    <DashboardFrame id="sales-pipeline" title="Sales pipeline">
      <Status error={error} loading={loading && !d} />
      {d && (
        <>
          <KpiGrid>
            <KpiCard kpi="leadsBySource" label="Leads captured" raw={d.leadsBySource.value.captured} shown={formatWhole(d.leadsBySource.value.captured)} eventCount={d.leadsBySource.eventCount} drillTo={drill(['Lead'])} />
            <KpiCard kpi="winRate" label="Win rate" raw={d.winRate.value.rate} shown={formatPercent(d.winRate.value.rate)} detail={`${d.winRate.value.won} won, ${d.winRate.value.lost} lost`} drillTo={drill(['Lead'])} />
            <KpiCard kpi="pipelineValue" label="Open pipeline" raw={d.pipelineValue.value.valueCents} shown={formatCents(d.pipelineValue.value.valueCents)} detail={`weighted ${formatCents(d.pipelineValue.value.weightedValueCents)} · ${d.pipelineValue.value.openLeads} open leads`} />
            <KpiCard kpi="salesCycleDays" label="Sales cycle" raw={d.salesCycleDays.value.days} shown={`${formatNumber(d.salesCycleDays.value.days)} days`} detail={`${d.salesCycleDays.value.wonLeads} won leads`} />
            <KpiCard kpi="pipelineVelocity" label="Pipeline velocity" raw={d.pipelineVelocity.value.centsPerDay} shown={`${formatCents(d.pipelineVelocity.value.centsPerDay)}/day`} />
            <KpiCard kpi="cac" label="Customer acquisition cost" raw={d.cac.value.cacCents} shown={formatCents(d.cac.value.cacCents)} detail={`${d.cac.value.newClients} new clients`} drillTo={drill(['Campaign'])} />
          </KpiGrid>
          <Panels>
            <MonthlyTrend id="leads-trend" title="Leads captured per month" kpi="LEADS_CAPTURED" name="Leads" kind="bar" format={formatWhole} />
            <MonthlyTrend id="win-rate-trend" title="Win rate per month" kpi="WIN_RATE" name="Win rate" format={formatPercent} />
            <Chart id="pipeline-by-stage" title="Open pipeline by stage" categories={d.pipelineValue.value.byStage.map((row) => row.stage)} series={[{ name: 'Value', kind: 'bar', values: d.pipelineValue.value.byStage.map((row) => row.valueCents / 100) }, { name: 'Weighted', kind: 'bar', values: d.pipelineValue.value.byStage.map((row) => (row.weightedValueCents ?? 0) / 100) }]} format={(dollars) => formatCents(dollars * 100)} />
            <Chart id="leads-by-source" title="Leads by source" categories={d.leadsBySource.value.bySource.map((row) => row.key)} series={[{ name: 'Leads', kind: 'bar', values: d.leadsBySource.value.bySource.map((row) => row.value) }]} format={formatWhole} />
          </Panels>
          <DataTable
            id="marketing-roi"
            caption="Marketing ROI by campaign"
            rows={d.marketingRoi.value}
            rowKey={(row) => row.campaignId}
            columns={[
              { header: 'Campaign', cell: (row) => <a href={`#/events?streams=${encodeURIComponent(`Campaign-${row.campaignId}`)}`}>{row.name}</a> },
              { header: 'Cost', numeric: true, cell: (row) => formatCents(row.costCents) },
              { header: 'Clients won', numeric: true, cell: (row) => formatWhole(row.clientsWon) },
              { header: 'First-year retainers', numeric: true, cell: (row) => formatCents(row.firstYearRetainerCents) },
              { header: 'ROI', numeric: true, cell: (row) => formatPercent(row.roi) },
            ]}
          />
        </>
      )}
    </DashboardFrame>
  );
}
