import { Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type FactCombination, type FactKpi, factKpis } from '../../projections/provenance/kpi-facts.queries';
import { maxPageSize, PageInfo } from '../shared/connection';
import { BigIntScalar } from '../shared/scalars';
import { PeriodInput } from './dashboard-args.inputs';

export const FactKpiEnum = Object.fromEntries(factKpis.map((kpi) => [kpi, kpi])) as { readonly [K in FactKpi]: K };
registerEnumType(FactKpiEnum, { name: 'FactKpi', description: 'A KPI whose facts can be listed (drill-down): the `SeriesKpi` of the same name.' });

export const FactCombinationEnum = { SUM: 'SUM', SHARE: 'SHARE', NET_SHARE_PERCENT: 'NET_SHARE_PERCENT', MEAN: 'MEAN', MEAN_ROUNDED: 'MEAN_ROUNDED', MEDIAN: 'MEDIAN', P90: 'P90', RATIO: 'RATIO' } as const satisfies Record<FactCombination, FactCombination>;
registerEnumType(FactCombinationEnum, {
  name: 'FactCombination',
  description: 'How the counted facts make the KPI value.',
  valuesConfig: {
    SUM: { description: 'The sum of their contributions.' },
    SHARE: { description: 'The sum of their contributions (1 or 0) over the number of counted facts: a rate.' },
    NET_SHARE_PERCENT: { description: 'The sum of their contributions (+1, 0, −1) over the number of counted facts, × 100 (NPS).' },
    MEAN: { description: 'The mean of their contributions.' },
    MEAN_ROUNDED: { description: 'The mean of their contributions, rounded to a whole number (ARPA in whole cents).' },
    MEDIAN: { description: 'The median of their contributions (inclusive percentile).' },
    P90: { description: 'The 90th percentile of their contributions (inclusive, linear between closest ranks).' },
    RATIO: { description: 'The sum of their contributions over the sum of their weights (a margin, utilisation, churn).' },
  },
});

@ArgsType()
export class KpiFactsArgs {
  @Field(() => FactKpiEnum) kpi!: FactKpi;
  @Field(() => PeriodInput) period!: PeriodInput;
  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${maxPageSize}.` })
  @Min(1)
  @Max(maxPageSize)
  first: number = 50;
  @Field(() => String, { nullable: true, description: 'The cursor of the last edge read.' }) after?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One entity a KPI rule looked at: counted, or excluded and why.' })
export class KpiFact {
  @Field({ description: 'TimeEntry, Invoice…' }) entity!: string;
  @Field({ description: "The entity's domain id (`id` is left to Node types: a fact is not one, and the same entity is a fact of several KPIs)." }) entityId!: string;
  @Field(() => ID, { nullable: true, description: 'The global id of the entity when it is a Node (refetch it with `node(id)`); null for a CSAT rating.' }) nodeId!: string | null;
  @Field({ description: 'The stream holding its events (query `stream` for them).' }) stream!: string;
  @Field({ description: 'The business date, or the instant, the rule judged it by.' }) date!: string;
  @Field() counted!: boolean;
  @Field({ description: 'What it counted as, or why it was excluded.' }) rule!: string;
  @Field(() => Float, { description: 'What it adds to the KPI value; 0 when excluded.' }) contribution!: number;
  @Field(() => Int, { description: 'Events folded into it.' }) events!: number;
  @Field(() => Float, { nullable: true, description: 'What it adds to the denominator when the combination is RATIO; null otherwise.' }) weight?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class KpiFactEdge {
  @Field() cursor!: string;
  @Field(() => KpiFact) node!: KpiFact;
}

@ObjectType({ simpleResolvers: true, description: 'The facts behind a KPI value, a page at a time (Relay connection, forward only).' })
export class KpiFactConnection {
  @Field(() => [KpiFactEdge]) edges!: KpiFactEdge[];
  @Field(() => [KpiFact]) nodes!: KpiFact[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => FactCombinationEnum, { description: 'How the counted facts of every page make the KPI value.' }) combination!: FactCombination;
  @Field(() => BigIntScalar, { nullable: true, description: 'Store position the facts reflect.' }) position!: bigint | null;
}
