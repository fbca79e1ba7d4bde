import { Field, Float, ObjectType } from 'type-graphql';
import { domainEnum } from '../enums/domain.enums';
import { Kpi } from './kpi.type';

export const TargetStatusEnum = domainEnum(
  ['MET', 'AT_RISK', 'MISSED', 'NO_DATA'] as const,
  'TargetStatus',
  'MET at or above target; AT_RISK within 5 percentage points below; MISSED further below; NO_DATA when the KPI has no value (zero denominator).',
);

@ObjectType({ simpleResolvers: true })
export class KpiTarget {
  @Field({ description: 'csat, billableUtilisation, paidWithin30DaysRate or manualWorkReduction (kpis.md names).' }) kpi!: string;
  @Field(() => Float, { nullable: true, description: 'The fraction the KPI reached in the period.' }) value!: number | null;
  @Field(() => String, { nullable: true, description: 'The value as a percentage with one decimal, e.g. "92.5 %".' }) valuePercent!: string | null;
  @Field(() => Float) target!: number;
  @Field(() => TargetStatusEnum) status!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Target KPIs with their targets and status; freshness over the four queries.' })
export class KpiTargetsKpi extends Kpi<KpiTarget[]>(() => [KpiTarget]) {}
