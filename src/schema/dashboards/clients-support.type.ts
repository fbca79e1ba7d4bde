import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IntByKey, Kpi, kpiComplexity } from './kpi.type';

@ObjectType({ simpleResolvers: true })
export class TicketVolume {
  @Field(() => Int) opened!: number;
  @Field(() => [IntByKey]) byChannel!: IntByKey[];
  @Field(() => [IntByKey]) byPriority!: IntByKey[];
  @Field(() => [IntByKey]) byClient!: IntByKey[];
}

@ObjectType({ simpleResolvers: true, description: 'Median and p90 (inclusive percentiles) in calendar minutes.' })
export class DurationPercentiles {
  @Field(() => Int, { description: 'Tickets measured.' }) tickets!: number;
  @Field(() => Float, { nullable: true }) medianMinutes!: number | null;
  @Field(() => Float, { nullable: true }) p90Minutes!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Csat {
  @Field(() => Float, { nullable: true, description: 'Ratings of 4 or 5 ÷ all ratings. Target ≥ 0.9.' }) rate!: number | null;
  @Field(() => Int) satisfied!: number;
  @Field(() => Int) ratings!: number;
}

@ObjectType({ simpleResolvers: true })
export class Nps {
  @Field(() => Float, { nullable: true, description: '% promoters − % detractors, −100…100.' }) score!: number | null;
  @Field(() => Int) promoters!: number;
  @Field(() => Int) passives!: number;
  @Field(() => Int) detractors!: number;
  @Field(() => Int) responses!: number;
}

@ObjectType({ simpleResolvers: true })
export class ClientRetention {
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Int) activeAtStart!: number;
  @Field(() => Int) retained!: number;
}

@ObjectType({ simpleResolvers: true }) export class TicketVolumeKpi extends Kpi<TicketVolume>(() => TicketVolume) {}
@ObjectType({ simpleResolvers: true }) export class TicketDurationKpi extends Kpi<DurationPercentiles>(() => DurationPercentiles) {}
@ObjectType({ simpleResolvers: true }) export class CsatKpi extends Kpi<Csat>(() => Csat) {}
@ObjectType({ simpleResolvers: true }) export class NpsKpi extends Kpi<Nps>(() => Nps) {}
@ObjectType({ simpleResolvers: true }) export class ClientRetentionKpi extends Kpi<ClientRetention>(() => ClientRetention) {}

const kpi = { complexity: kpiComplexity };

@ObjectType({ simpleResolvers: true, description: 'Clients and support KPIs for a period (kpis.md, "Clients and support").' })
export class ClientsSupportDashboard {
  @Field(() => TicketVolumeKpi, { ...kpi, description: 'Tickets opened in the period, by channel, priority and client.' })
  ticketVolume!: TicketVolumeKpi;
  @Field(() => TicketDurationKpi, { ...kpi, description: 'First human reply − opened, over tickets first-responded in the period.' })
  firstResponseTime!: TicketDurationKpi;
  @Field(() => TicketDurationKpi, { ...kpi, description: 'Resolved − opened, over tickets resolved in the period.' })
  resolutionTime!: TicketDurationKpi;
  @Field(() => CsatKpi, { ...kpi, description: 'Satisfied ratings ÷ ratings given in the period.' })
  csat!: CsatKpi;
  @Field(() => NpsKpi, { ...kpi, description: 'Net promoter score of responses given in the period.' })
  nps!: NpsKpi;
  @Field(() => ClientRetentionKpi, { ...kpi, description: 'Clients active at the start still active at the end ÷ clients active at the start.' })
  clientRetentionRate!: ClientRetentionKpi;
}
