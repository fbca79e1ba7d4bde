import type { GraphQLResolveInfo } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { clientsSupportFields } from './clients-support.fields';
import { ClientsSupportDashboard } from './clients-support.type';
import { DashboardArgs, KpiTargetsArgs } from './dashboard-args.inputs';
import { openDashboard, withKpiSource } from './dashboard-scope';
import { financialFields } from './financial-dashboard.fields';
import { FinancialDashboard } from './financial-dashboard.type';
import { kpiComplexity } from './kpi.type';
import { kpiTargetsField } from './kpi-targets.fields';
import { kpiSeriesOf } from './kpi-series.fields';
import { KpiSeries, KpiSeriesArgs } from './kpi-series.type';
import { KpiFactConnection, KpiFactsArgs } from './kpi-facts.type';
import { kpiFactsConnection } from './kpi-facts.fields';
import { KpiTargetsKpi } from './kpi-targets.type';
import { OperationsDashboard } from './operations-dashboard.type';
import { operationsFields } from './operations.fields';
import { SalesPipelineDashboard } from './sales-pipeline-dashboard.type';
import { salesPipelineFields } from './sales-pipeline.fields';
import { serviceDeliveryFields } from './service-delivery.fields';
import { ServiceDeliveryDashboard } from './service-delivery.type';

/** The replay behind `asOf` is priced once per distinct instant by the operation's work (hardening/operation-work.ts). */
const dashboardComplexity: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

/** Complexity is judged before the period is read: a fixed estimate per bucket size. */
const seriesPointsEstimate = (bucket: unknown): number => (bucket === 'DAY' ? 12 : bucket === 'WEEK' ? 6 : 2);

const periodNote = 'Period [from, to) in the business time zone; `asOf` gives the figures as known at that instant.';

@Resolver()
export class DashboardsResolver {
  @Authorized('VIEWER')
  @Query(() => ServiceDeliveryDashboard, { complexity: dashboardComplexity, description: `Service delivery KPIs. ${periodNote}` })
  serviceDeliveryDashboard(@Args({ validate: false }) args: DashboardArgs, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ServiceDeliveryDashboard> {
    return openDashboard(context, args, serviceDeliveryFields, info);
  }

  @Authorized('VIEWER')
  @Query(() => FinancialDashboard, { complexity: dashboardComplexity, description: `Financial KPIs. ${periodNote}` })
  financialDashboard(@Args({ validate: false }) args: DashboardArgs, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<FinancialDashboard> {
    return openDashboard(context, args, financialFields, info);
  }

  @Authorized('VIEWER')
  @Query(() => ClientsSupportDashboard, { complexity: dashboardComplexity, description: `Clients and support KPIs. ${periodNote}` })
  clientsSupportDashboard(@Args({ validate: false }) args: DashboardArgs, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ClientsSupportDashboard> {
    return openDashboard(context, args, clientsSupportFields, info);
  }

  @Authorized('VIEWER')
  @Query(() => SalesPipelineDashboard, { complexity: dashboardComplexity, description: `Sales and marketing KPIs. ${periodNote}` })
  salesPipelineDashboard(@Args({ validate: false }) args: DashboardArgs, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<SalesPipelineDashboard> {
    return openDashboard(context, args, salesPipelineFields, info);
  }

  @Authorized('VIEWER')
  @Query(() => OperationsDashboard, { complexity: dashboardComplexity, description: `Operations KPIs. ${periodNote}` })
  operationsDashboard(@Args({ validate: false }) args: DashboardArgs, @Ctx() context: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<OperationsDashboard> {
    return openDashboard(context, args, operationsFields, info);
  }

  @Authorized('VIEWER')
  @Query(() => KpiSeries, {
    // A point costs a KPI; a 24-month series costs about what one dashboard does (the replay behind
    // `asOf` is priced once per distinct instant by the operation's work).
    complexity: ({ args, childComplexity }) => 1 + childComplexity + kpiComplexity * seriesPointsEstimate(args.bucket),
    description: `One KPI over the period, a point per calendar slot (at most 400), each with its value, event count and position; the target on the same axis where the KPI has one. ${periodNote}`,
  })
  kpiSeries(@Args({ validate: false }) args: KpiSeriesArgs, @Ctx() context: GraphQLContext): Promise<KpiSeries> {
    return withKpiSource(context, args, (source) => kpiSeriesOf(source, args));
  }

  @Authorized('VIEWER')
  @Query(() => KpiFactConnection, {
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(Number(args.first) || 1, 200),
    description: 'The facts behind a KPI value over a period (drill-down): every entity its rule looked at, counted or excluded and why. Counted contributions over all pages add up to the KPI value.',
  })
  kpiFacts(@Args() args: KpiFactsArgs, @Ctx() context: GraphQLContext): Promise<KpiFactConnection> {
    return kpiFactsConnection(context, args);
  }

  @Authorized('VIEWER')
  @Query(() => KpiTargetsKpi, {
    complexity: ({ childComplexity }) => 4 * kpiComplexity + childComplexity,
    description: `csat, billableUtilisation, paidWithin30DaysRate and manualWorkReduction against their targets (overridable). ${periodNote}`,
  })
  kpiTargets(@Args() args: KpiTargetsArgs, @Ctx() context: GraphQLContext): Promise<KpiTargetsKpi> {
    return withKpiSource(context, args, (source) => kpiTargetsField(args.targets)(source, 'kpiTargets'));
  }
}
