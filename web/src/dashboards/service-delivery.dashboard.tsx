import { ServiceDeliveryDashboardDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { DataTable, Status } from '../components/data-table';
import { KpiCard, KpiGrid } from '../components/kpi-card';
import { useQuery } from '../components/use-query';
import { formatCents, formatNumber, formatPercent, formatWhole } from '../format';
import { DashboardFrame, drillHref, MonthlyTrend, Panels } from './dashboard-parts';

export function ServiceDeliveryDashboard() {
  const { period, asOf, session } = useApp();
  const { data, error, loading } = useQuery(ServiceDeliveryDashboardDocument, { period, asOf }, { live: asOf === null });
  const d = data?.serviceDeliveryDashboard;
  const drill = (categories: string[]) => drillHref(categories, period, session.businessTimeZone);
  return (
    <DashboardFrame id="service-delivery" title="Service delivery">
      <Status error={error} loading={loading && !d} />
      {d && (
        <>
          <KpiGrid>
            <KpiCard kpi="activeProjects" label="Active projects" raw={d.activeProjects.value.total} shown={formatWhole(d.activeProjects.value.total)} eventCount={d.activeProjects.eventCount} drillTo={drill(['Project'])} />
            <KpiCard kpi="projectsCompleted" label="Projects completed" raw={d.projectsCompleted.value} shown={formatWhole(d.projectsCompleted.value)} eventCount={d.projectsCompleted.eventCount} drillTo={drill(['Project'])} />
            <KpiCard kpi="onTimeDeliveryRate" label="On-time delivery" raw={d.onTimeDeliveryRate.value.rate} shown={formatPercent(d.onTimeDeliveryRate.value.rate)} detail={`${d.onTimeDeliveryRate.value.onTime} of ${d.onTimeDeliveryRate.value.completed} on time`} />
            <KpiCard kpi="averageProjectDurationDays" label="Average project duration" raw={d.averageProjectDurationDays.value.days} shown={`${formatNumber(d.averageProjectDurationDays.value.days)} days`} />
            <KpiCard kpi="billableHours" label="Billable hours" raw={d.billableHours.value.totalHours} shown={formatNumber(d.billableHours.value.totalHours)} eventCount={d.billableHours.eventCount} drillTo={drill(['Project'])} />
            <KpiCard kpi="billableUtilisation" label="Billable utilisation" raw={d.billableUtilisation.value.team.utilisation} shown={formatPercent(d.billableUtilisation.value.team.utilisation)} detail={`${formatNumber(d.billableUtilisation.value.team.billableHours)} of ${formatNumber(d.billableUtilisation.value.team.availableHours)} h available`} />
          </KpiGrid>
          <Panels>
            <MonthlyTrend id="billable-hours-trend" title="Billable hours per month" kpi="BILLABLE_HOURS" name="Billable hours" kind="bar" format={formatNumber} />
            <MonthlyTrend id="utilisation-trend" title="Team utilisation per month" kpi="BILLABLE_UTILISATION" name="Utilisation" format={formatPercent} />
          </Panels>
          <DataTable
            id="utilisation-by-consultant"
            caption="Utilisation by consultant"
            rows={d.billableUtilisation.value.byConsultant}
            rowKey={(row) => row.consultantId}
            columns={[
              { header: 'Consultant', cell: (row) => row.name ?? row.consultantId },
              { header: 'Billable h', numeric: true, cell: (row) => formatNumber(row.billableHours) },
              { header: 'Available h', numeric: true, cell: (row) => formatNumber(row.availableHours) },
              { header: 'Utilisation', numeric: true, cell: (row) => formatPercent(row.utilisation) },
            ]}
          />
          <DataTable
            id="budget-burn"
            caption="Budget burn: the 12 active projects furthest through their budget"
            rows={[...d.budgetBurn.value].sort((a, b) => (b.hoursBurn ?? 0) - (a.hoursBurn ?? 0)).slice(0, 12)}
            rowKey={(row) => row.projectId}
            columns={[
              { header: 'Project', cell: (row) => <a href={`#/events?streams=${encodeURIComponent(`Project-${row.projectId}`)}`}>{row.name}</a> },
              { header: 'Tier', cell: (row) => row.tier },
              { header: 'Hours', numeric: true, cell: (row) => `${formatNumber(row.loggedHours)} / ${formatNumber(row.budgetHours)}` },
              { header: 'Hours burn', numeric: true, cell: (row) => formatPercent(row.hoursBurn) },
              { header: 'Cost', numeric: true, cell: (row) => `${formatCents(row.loggedCostCents)} / ${formatCents(row.budgetAmountCents)}` },
            ]}
          />
        </>
      )}
    </DashboardFrame>
  );
}
