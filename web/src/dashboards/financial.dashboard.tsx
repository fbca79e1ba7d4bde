import { FinancialDashboardDocument } from '../gql/operations';
import { useApp } from '../components/app-context';
import { Chart } from '../components/chart';
import { DataTable, Status } from '../components/data-table';
import { KpiCard, KpiGrid } from '../components/kpi-card';
import { useQuery } from '../components/use-query';
import { formatCents, formatPercent, formatWhole } from '../format';
import { DashboardFrame, drillHref, MonthlyTrend, Panels } from './dashboard-parts';

const months = (rows: ReadonlyArray<{ key: string }>) => rows.map((row) => row.key);

export function FinancialDashboard() {
  const { period, asOf, session } = useApp();
  const { data, error, loading } = useQuery(FinancialDashboardDocument, { period, asOf }, { live: asOf === null });
  const d = data?.financialDashboard;
  const drill = (categories: string[]) => drillHref(categories, period, session.businessTimeZone);
  const revenueMonths = d ? [...new Set([...months(d.revenue.value.accrual.byMonth), ...months(d.revenue.value.cash.byMonth)])].sort() : [];
  const valueIn = (rows: ReadonlyArray<{ key: string; value: number }>, key: string) => rows.find((row) => row.key === key)?.value ?? 0;
  return (
    <DashboardFrame id="financial" title="Financial">
      <Status error={error} loading={loading && !d} />
      {d && (
        <>
          <KpiGrid>
            <KpiCard kpi="revenue" label="Revenue (accrual)" raw={d.revenue.value.accrual.totalCents} shown={formatCents(d.revenue.value.accrual.totalCents)} detail={`cash received ${formatCents(d.revenue.value.cash.totalCents)}`} eventCount={d.revenue.eventCount} drillTo={drill(['Invoice'])} />
            <KpiCard kpi="mrr" label="MRR" raw={d.mrr.value.mrrCents} shown={formatCents(d.mrr.value.mrrCents)} detail={`${d.mrr.value.payingClients} paying clients`} eventCount={d.mrr.eventCount} drillTo={drill(['Client'])} />
            <KpiCard kpi="arr" label="ARR" raw={d.arr.value.arrCents} shown={formatCents(d.arr.value.arrCents)} />
            <KpiCard kpi="profitMargin" label="Profit margin" raw={d.profitMargin.value.margin} shown={formatPercent(d.profitMargin.value.margin)} detail={`profit ${formatCents(d.profitMargin.value.profitCents)}`} />
            <KpiCard kpi="costs" label="Costs" raw={d.costs.value.totalCents} shown={formatCents(d.costs.value.totalCents)} eventCount={d.costs.eventCount} drillTo={drill(['Expense'])} />
            <KpiCard kpi="receivables" label="Receivables" raw={d.receivables.value.totalCents} shown={formatCents(d.receivables.value.totalCents)} detail={`${d.receivables.value.invoiceCount} open invoices`} drillTo={drill(['Invoice'])} />
            <KpiCard kpi="paidWithin30DaysRate" label="Paid within 30 days" raw={d.paidWithin30DaysRate.value.rate} shown={formatPercent(d.paidWithin30DaysRate.value.rate)} detail={`${d.paidWithin30DaysRate.value.paidWithin30Days} of ${d.paidWithin30DaysRate.value.eligible}`} />
            <KpiCard kpi="customerChurnRate" label="Customer churn" raw={d.customerChurnRate.value.rate} shown={formatPercent(d.customerChurnRate.value.rate)} detail={`${d.customerChurnRate.value.churnedClients} of ${d.customerChurnRate.value.activeAtStart} clients`} />
            <KpiCard kpi="arpa" label="ARPA" raw={d.arpa.value.arpaCents} shown={formatCents(d.arpa.value.arpaCents)} />
            <KpiCard kpi="clientLtv" label="Client LTV" raw={d.clientLtv.value.ltvCents} shown={formatCents(d.clientLtv.value.ltvCents)} />
          </KpiGrid>
          <Panels>
            <Chart
              id="revenue-by-month"
              title="Revenue per month"
              categories={revenueMonths}
              series={[
                { name: 'Accrual', kind: 'bar', values: revenueMonths.map((month) => valueIn(d.revenue.value.accrual.byMonth, month) / 100) },
                { name: 'Cash', kind: 'bar', values: revenueMonths.map((month) => valueIn(d.revenue.value.cash.byMonth, month) / 100) },
              ]}
              format={(dollars) => formatCents(dollars * 100)}
            />
            <Chart
              id="cash-flow-by-month"
              title="Cash flow per month"
              categories={months(d.cashFlow.value.byMonth)}
              series={[
                { name: 'In', kind: 'bar', values: d.cashFlow.value.byMonth.map((row) => row.value.inflowCents / 100) },
                { name: 'Out', kind: 'bar', values: d.cashFlow.value.byMonth.map((row) => row.value.outflowCents / 100) },
                { name: 'Net', values: d.cashFlow.value.byMonth.map((row) => row.value.netCents / 100) },
              ]}
              format={(dollars) => formatCents(dollars * 100)}
            />
            <MonthlyTrend id="mrr-trend" title="MRR at each month's end" kpi="MRR_CENTS" name="MRR" format={formatCents} />
          </Panels>
          <DataTable
            id="receivables-aging"
            caption="Receivables by age"
            rows={[d.receivables.value.aging]}
            rowKey={() => 'aging'}
            columns={[
              { header: 'Current', numeric: true, cell: (row) => formatCents(row.current) },
              { header: '1–30 days', numeric: true, cell: (row) => formatCents(row.days1To30) },
              { header: '31–60 days', numeric: true, cell: (row) => formatCents(row.days31To60) },
              { header: '61–90 days', numeric: true, cell: (row) => formatCents(row.days61To90) },
              { header: 'Over 90 days', numeric: true, cell: (row) => formatCents(row.days90Plus) },
            ]}
          />
          <DataTable
            id="mrr-movements"
            caption="MRR movements in the period"
            rows={[d.mrrMovements.value]}
            rowKey={() => 'movements'}
            columns={[
              { header: 'Start', numeric: true, cell: (row) => formatCents(row.startMrrCents) },
              { header: 'New', numeric: true, cell: (row) => `${formatCents(row.newCents)} (${formatWhole(row.counts.new)})` },
              { header: 'Expansion', numeric: true, cell: (row) => formatCents(row.expansionCents) },
              { header: 'Contraction', numeric: true, cell: (row) => formatCents(row.contractionCents) },
              { header: 'Churn', numeric: true, cell: (row) => `${formatCents(row.churnCents)} (${formatWhole(row.counts.churn)})` },
              { header: 'End', numeric: true, cell: (row) => formatCents(row.endMrrCents) },
            ]}
          />
        </>
      )}
    </DashboardFrame>
  );
}
