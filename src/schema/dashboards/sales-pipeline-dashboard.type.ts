import { Field, ObjectType } from 'type-graphql';
import { kpiComplexity } from './kpi.type';
import { CacKpi, LeadsBySourceKpi, MarketingRoiKpi, PipelineValueKpi, PipelineVelocityKpi, SalesCycleKpi, StageConversionKpi, WinRateKpi } from './sales-pipeline.type';

const kpi = { complexity: kpiComplexity };

@ObjectType({ simpleResolvers: true, description: 'Sales and marketing KPIs for a period (kpis.md, "Sales and marketing"); AUD amounts.' })
export class SalesPipelineDashboard {
  @Field(() => LeadsBySourceKpi, { ...kpi, description: 'Leads captured in the period by source and campaign.' })
  leadsBySource!: LeadsBySourceKpi;
  @Field(() => StageConversionKpi, { ...kpi, description: 'Per stage, next-step and cumulative conversion of the leads captured in the period.' })
  stageConversion!: StageConversionKpi;
  @Field(() => WinRateKpi, { ...kpi, description: 'Won ÷ (won + lost), leads closed in the period.' })
  winRate!: WinRateKpi;
  @Field(() => PipelineValueKpi, { ...kpi, description: 'Value of open leads at the end of the period, and weighted by stage win rate.' })
  pipelineValue!: PipelineValueKpi;
  @Field(() => SalesCycleKpi, { ...kpi, description: 'Mean days from capture to win, over leads won in the period.' })
  salesCycleDays!: SalesCycleKpi;
  @Field(() => PipelineVelocityKpi, { ...kpi, description: 'Open qualified leads × average won value × win rate ÷ sales cycle days, per day.' })
  pipelineVelocity!: PipelineVelocityKpi;
  @Field(() => CacKpi, { ...kpi, description: 'Marketing and sales spend ÷ clients onboarded, in the period.' })
  cac!: CacKpi;
  @Field(() => MarketingRoiKpi, { ...kpi, description: 'Per campaign running in the period: (first-year value of its clients − cost) ÷ cost.' })
  marketingRoi!: MarketingRoiKpi;
}
