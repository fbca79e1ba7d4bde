import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../shared/scalars';
import { DashboardArgs } from './dashboard-args.inputs';
import { seriesKpis, type SeriesKpiName } from './kpi-series.registry';
import { TargetStatusEnum } from './kpi-targets.type';

export const SeriesKpiEnum = Object.fromEntries(Object.keys(seriesKpis).map((name) => [name, name])) as Record<SeriesKpiName, SeriesKpiName>;
registerEnumType(SeriesKpiEnum, { name: 'SeriesKpi', description: 'A period KPI with one headline number (kpis.md), as a series can chart it.' });

export const SeriesBucketEnum = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', QUARTER: 'QUARTER' } as const;
registerEnumType(SeriesBucketEnum, { name: 'SeriesBucket', description: 'Calendar slots of a series in the business time zone; weeks start on Monday.' });

@ArgsType()
export class KpiSeriesArgs extends DashboardArgs {
  @Field(() => SeriesKpiEnum)
  kpi!: SeriesKpiName;

  @Field(() => SeriesBucketEnum)
  bucket!: keyof typeof SeriesBucketEnum;
}

@ObjectType({ simpleResolvers: true, description: 'The KPI over one slot [from, to) of business dates.' })
export class KpiSeriesPoint {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Float, { nullable: true, description: 'The headline number; null where its denominator is zero.' }) value!: number | null;
  @Field(() => Int) eventCount!: number;
  @Field(() => BigIntScalar, { nullable: true }) position!: bigint | null;
  @Field(() => TargetStatusEnum, { nullable: true, description: 'Against the series target, for KPIs that have one.' }) targetStatus!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class KpiSeries {
  @Field(() => SeriesKpiEnum) kpi!: SeriesKpiName;
  @Field(() => SeriesBucketEnum) bucket!: string;
  @Field(() => Float, { nullable: true, description: 'The default target (kpis.md) on the same axis, for csat, billable utilisation, paid within 30 days and manual work reduction.' })
  target!: number | null;
  @Field(() => [KpiSeriesPoint]) points!: KpiSeriesPoint[];
}
