import { ClientsSupportDashboardDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { Chart } from '../components/chart';
import { Status } from '../components/data-table';
import { KpiCard, KpiGrid } from '../components/kpi-card';
import { useQuery } from '../components/use-query';
import { formatNumber, formatPercent, formatWhole } from '../format';
import { DashboardFrame, drillHref, MonthlyTrend, Panels } from './dashboard-parts';

const minutes = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value >= 120 ? `${formatNumber(value / 60)} h` : `${formatNumber(value)} min`);

export function ClientsSupportDashboard() {
  const { period, asOf, session } = useApp();
  const { data, error, loading } = useQuery(ClientsSupportDashboardDocument, { period, asOf }, { live: asOf === null });
  const d = data?.clientsSupportDashboard;
  const drill = (categories: string[]) => drillHref(categories, period, session.businessTimeZone);
  return (
    <DashboardFrame id="clients-support" title="Clients & support">
      <Status error={error} loading={loading && !d} />
      {d && (
        <>
          <KpiGrid>
            <KpiCard kpi="ticketVolume" label="Tickets opened" raw={d.ticketVolume.value.opened} shown={formatWhole(d.ticketVolume.value.opened)} eventCount={d.ticketVolume.eventCount} drillTo={drill(['Ticket'])} />
            <KpiCard kpi="firstResponseTime" label="First response (median)" raw={d.firstResponseTime.value.medianMinutes} shown={minutes(d.firstResponseTime.value.medianMinutes)} detail={`p90 ${minutes(d.firstResponseTime.value.p90Minutes)}`} />
            <KpiCard kpi="resolutionTime" label="Resolution (median)" raw={d.resolutionTime.value.medianMinutes} shown={minutes(d.resolutionTime.value.medianMinutes)} detail={`p90 ${minutes(d.resolutionTime.value.p90Minutes)}`} />
            <KpiCard kpi="csat" label="CSAT" raw={d.csat.value.rate} shown={formatPercent(d.csat.value.rate)} detail={`${d.csat.value.satisfied} of ${d.csat.value.ratings} ratings`} drillTo={drill(['Ticket'])} />
            <KpiCard kpi="nps" label="NPS" raw={d.nps.value.score} shown={formatNumber(d.nps.value.score)} detail={`${d.nps.value.responses} responses`} />
            <KpiCard kpi="clientRetentionRate" label="Client retention" raw={d.clientRetentionRate.value.rate} shown={formatPercent(d.clientRetentionRate.value.rate)} detail={`${d.clientRetentionRate.value.retained} of ${d.clientRetentionRate.value.activeAtStart}`} drillTo={drill(['Client'])} />
          </KpiGrid>
          <Panels>
            <MonthlyTrend id="tickets-trend" title="Tickets opened per month" kpi="TICKETS_OPENED" name="Tickets" kind="bar" format={formatWhole} />
            <MonthlyTrend id="csat-trend" title="CSAT per month" kpi="CSAT" name="CSAT" format={formatPercent} />
            <Chart id="tickets-by-channel" title="Tickets by channel" categories={d.ticketVolume.value.byChannel.map((row) => row.key)} series={[{ name: 'Tickets', kind: 'bar', values: d.ticketVolume.value.byChannel.map((row) => row.value) }]} format={formatWhole} />
          </Panels>
        </>
      )}
    </DashboardFrame>
  );
}
