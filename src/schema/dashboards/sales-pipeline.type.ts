import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LeadSourceEnum, LeadStageEnum } from '../enums/domain.enums';
import { IntByKey, Kpi } from './kpi.type';
import { SafeIntScalar } from '../shared/scalars';

@ObjectType({ simpleResolvers: true })
export class LeadsFromCampaign {
  @Field(() => LeadSourceEnum) source!: string;
  @Field(() => String, { nullable: true, description: 'Null: no campaign.' }) campaignId!: string | null;
  @Field(() => Int) leads!: number;
}

@ObjectType({ simpleResolvers: true })
export class LeadsBySource {
  @Field(() => Int) captured!: number;
  @Field(() => [IntByKey], { description: 'Keys are LeadSource values.' }) bySource!: IntByKey[];
  @Field(() => [LeadsFromCampaign], { description: 'By source and campaign, sorted by source then campaign.' }) bySourceAndCampaign!: LeadsFromCampaign[];
}

@ObjectType({ simpleResolvers: true })
export class StageConversionRow {
  @Field({ description: 'A LeadStage, or WON (the step after NEGOTIATION).' }) stage!: string;
  @Field(() => Int) reached!: number;
  @Field(() => Float, { nullable: true, description: 'Reached the next step ÷ reached this one.' }) nextStep!: number | null;
  @Field(() => Float, { nullable: true, description: 'Reached this step ÷ leads captured.' }) cumulative!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class StageConversion {
  @Field(() => Int) captured!: number;
  @Field(() => [StageConversionRow]) stages!: StageConversionRow[];
}

@ObjectType({ simpleResolvers: true })
export class WinRate {
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Int) won!: number;
  @Field(() => Int) lost!: number;
}

@ObjectType({ simpleResolvers: true })
export class PipelineStage {
  @Field(() => LeadStageEnum) stage!: string;
  @Field(() => Int) leads!: number;
  @Field(() => SafeIntScalar) valueCents!: number;
  @Field(() => Float, { nullable: true }) winRate!: number | null;
  @Field(() => SafeIntScalar, { nullable: true }) weightedValueCents!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class PipelineValue {
  @Field() currency!: string;
  @Field(() => Int) openLeads!: number;
  @Field(() => Int, { description: 'Open leads without an estimate.' }) unvaluedLeads!: number;
  @Field(() => Int) otherCurrencyLeads!: number;
  @Field(() => SafeIntScalar) valueCents!: number;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Σ value × stage win rate; null when no lead closed to learn rates from.' }) weightedValueCents!: number | null;
  @Field(() => [PipelineStage]) byStage!: PipelineStage[];
}

@ObjectType({ simpleResolvers: true })
export class SalesCycle {
  @Field(() => Float, { nullable: true }) days!: number | null;
  @Field(() => Int) wonLeads!: number;
}

@ObjectType({ simpleResolvers: true })
export class PipelineVelocity {
  @Field() currency!: string;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Expected won value per day.' }) centsPerDay!: number | null;
  @Field(() => Int) openQualifiedLeads!: number;
  @Field(() => Float, { nullable: true }) averageWonValueCents!: number | null;
  @Field(() => Float, { nullable: true }) winRate!: number | null;
  @Field(() => Float, { nullable: true }) salesCycleDays!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Cac {
  @Field() currency!: string;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Spend ÷ new clients; null when no client was onboarded.' }) cacCents!: number | null;
  @Field(() => SafeIntScalar) spendCents!: number;
  @Field(() => SafeIntScalar) campaignCostCents!: number;
  @Field(() => SafeIntScalar) marketingExpenseCents!: number;
  @Field(() => Int) newClients!: number;
}

@ObjectType({ simpleResolvers: true })
export class CampaignRoi {
  @Field() campaignId!: string;
  @Field() name!: string;
  @Field(() => SafeIntScalar) costCents!: number;
  @Field(() => Int) clientsWon!: number;
  @Field(() => SafeIntScalar) firstYearRetainerCents!: number;
  @Field(() => SafeIntScalar) oneOffInvoicedCents!: number;
  @Field(() => Float, { nullable: true, description: '(retainer + one-off − cost) ÷ cost; null without cost.' }) roi!: number | null;
}

@ObjectType({ simpleResolvers: true }) export class LeadsBySourceKpi extends Kpi<LeadsBySource>(() => LeadsBySource) {}
@ObjectType({ simpleResolvers: true }) export class StageConversionKpi extends Kpi<StageConversion>(() => StageConversion) {}
@ObjectType({ simpleResolvers: true }) export class WinRateKpi extends Kpi<WinRate>(() => WinRate) {}
@ObjectType({ simpleResolvers: true }) export class PipelineValueKpi extends Kpi<PipelineValue>(() => PipelineValue) {}
@ObjectType({ simpleResolvers: true }) export class SalesCycleKpi extends Kpi<SalesCycle>(() => SalesCycle) {}
@ObjectType({ simpleResolvers: true }) export class PipelineVelocityKpi extends Kpi<PipelineVelocity>(() => PipelineVelocity) {}
@ObjectType({ simpleResolvers: true }) export class CacKpi extends Kpi<Cac>(() => Cac) {}
@ObjectType({ simpleResolvers: true }) export class MarketingRoiKpi extends Kpi<CampaignRoi[]>(() => [CampaignRoi]) {}
