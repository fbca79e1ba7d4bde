import { Field, ObjectType } from 'type-graphql';
import { CashFlowKpi, CostsKpi, PaidWithin30DaysKpi, ProfitMarginKpi, ReceivablesKpi, RevenueKpi, RevenuePerConsultantHourKpi } from './financial-cash.type';
import { ArpaKpi, ArrKpi, ClientLtvKpi, CustomerChurnRateKpi, MrrKpi, MrrMovementsKpi } from './financial-recurring.type';
import { kpiComplexity } from './kpi.type';

const kpi = { complexity: kpiComplexity };

@ObjectType({ simpleResolvers: true, description: 'Financial KPIs for a period (kpis.md, "Financial"); money in integer cents.' })
export class FinancialDashboard {
  @Field(() => RevenueKpi, { ...kpi, description: 'Accrual (invoices issued) and cash (payments received), by tier, client and month.' })
  revenue!: RevenueKpi;
  @Field(() => MrrKpi, { ...kpi, description: "Active retainers' monthly amounts at the end of the period." })
  mrr!: MrrKpi;
  @Field(() => ArrKpi, { ...kpi, description: 'mrr × 12.' })
  arr!: ArrKpi;
  @Field(() => MrrMovementsKpi, { ...kpi, description: 'New, expansion, contraction, churn and reactivation MRR in the period.' })
  mrrMovements!: MrrMovementsKpi;
  @Field(() => CostsKpi, { ...kpi, description: 'Expenses incurred plus consultant cost (hours × cost rate), by category and month.' })
  costs!: CostsKpi;
  @Field(() => ProfitMarginKpi, { ...kpi, description: '(Revenue − costs) ÷ revenue, in total and by tier.' })
  profitMargin!: ProfitMarginKpi;
  @Field(() => RevenuePerConsultantHourKpi, { ...kpi, description: 'Revenue invoiced ÷ all hours logged in the period.' })
  revenuePerConsultantHour!: RevenuePerConsultantHourKpi;
  @Field(() => ArpaKpi, { ...kpi, description: 'mrr ÷ clients with a retainer, at the end of the period.' })
  arpa!: ArpaKpi;
  @Field(() => CustomerChurnRateKpi, { ...kpi, description: 'Clients churned in the period ÷ clients active at its start.' })
  customerChurnRate!: CustomerChurnRateKpi;
  @Field(() => ClientLtvKpi, { ...kpi, description: 'arpa ÷ monthly churn rate (null when churn is 0).' })
  clientLtv!: ClientLtvKpi;
  @Field(() => CashFlowKpi, { ...kpi, description: 'Payments received − expenses paid in the period, by month.' })
  cashFlow!: CashFlowKpi;
  @Field(() => ReceivablesKpi, { ...kpi, description: 'Unpaid balances at the end of the period, aged by days past due.' })
  receivables!: ReceivablesKpi;
  @Field(() => PaidWithin30DaysKpi, { ...kpi, description: 'Invoices issued in the period paid within 30 days ÷ those due a verdict. Target ≥ 95 %.' })
  paidWithin30DaysRate!: PaidWithin30DaysKpi;
}
