import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ClientTierEnum } from '../enums/domain.enums';
import { FloatByKey, IntByKey, Kpi, kpiComplexity, NullableFloatByKey } from './kpi.type';
import { Margin, MarginByKey } from './margin.type';
import { SafeIntScalar } from '../shared/scalars';

@ObjectType({ simpleResolvers: true })
export class ActiveProjects {
  @Field(() => Int) total!: number;
  @Field(() => [IntByKey], { description: "By the client's tier when the project started." }) byTier!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class AverageProjectDuration {
  @Field(() => Float, { nullable: true, description: 'Mean calendar days; null when nothing was completed.' }) days!: number | null;
  @Field(() => [NullableFloatByKey]) byTier!: NullableFloatByKey[];
}

@ObjectType({ simpleResolvers: true })
export class OnTimeDelivery {
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) completed!: number;
}

@ObjectType({ simpleResolvers: true })
export class BillableHours {
  @Field(() => Float) totalHours!: number;
  @Field(() => [FloatByKey], { description: 'By project id.' }) byProject!: FloatByKey[];
  @Field(() => [FloatByKey], { description: 'By consultant id.' }) byConsultant!: FloatByKey[];
}

@ObjectType({ simpleResolvers: true })
export class Utilisation {
  @Field(() => Float) billableHours!: number;
  @Field(() => Float) availableHours!: number;
  @Field(() => Float, { nullable: true, description: 'billableHours ÷ availableHours; target ≥ 0.8.' }) utilisation!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class ConsultantUtilisation extends Utilisation {
  @Field() consultantId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class BillableUtilisation {
  @Field(() => Utilisation) team!: Utilisation;
  @Field(() => [ConsultantUtilisation]) byConsultant!: ConsultantUtilisation[];
}

@ObjectType({ simpleResolvers: true, description: 'Budget consumed so far by a project open during the period.' })
export class ProjectBudgetBurn {
  @Field() projectId!: string;
  @Field() name!: string;
  @Field(() => ClientTierEnum) tier!: string;
  @Field(() => Float) budgetHours!: number;
  @Field(() => Float) loggedHours!: number;
  @Field(() => Float, { nullable: true }) hoursBurn!: number | null;
  @Field(() => SafeIntScalar) budgetAmountCents!: number;
  @Field(() => SafeIntScalar) loggedCostCents!: number;
  @Field(() => Float, { nullable: true }) costBurn!: number | null;
  @Field() currency!: string;
}

@ObjectType({ simpleResolvers: true })
export class ProjectMarginRow extends Margin {
  @Field() projectId!: string;
  @Field(() => String, { nullable: true }) clientId!: string | null;
  @Field({ description: 'A ClientTier, or UNKNOWN for a project the read models do not know.' }) tier!: string;
  @Field(() => SafeIntScalar) laborCostCents!: number;
  @Field(() => SafeIntScalar) expenseCents!: number;
}

@ObjectType({ simpleResolvers: true })
export class ProjectMargins {
  @Field(() => [ProjectMarginRow]) byProject!: ProjectMarginRow[];
  @Field(() => [MarginByKey]) byTier!: MarginByKey[];
}

@ObjectType({ simpleResolvers: true }) export class ActiveProjectsKpi extends Kpi<ActiveProjects>(() => ActiveProjects) {}
@ObjectType({ simpleResolvers: true }) export class ProjectsCompletedKpi extends Kpi<number>(() => Int) {}
@ObjectType({ simpleResolvers: true }) export class AverageProjectDurationKpi extends Kpi<AverageProjectDuration>(() => AverageProjectDuration) {}
@ObjectType({ simpleResolvers: true }) export class OnTimeDeliveryKpi extends Kpi<OnTimeDelivery>(() => OnTimeDelivery) {}
@ObjectType({ simpleResolvers: true }) export class BillableHoursKpi extends Kpi<BillableHours>(() => BillableHours) {}
@ObjectType({ simpleResolvers: true }) export class BillableUtilisationKpi extends Kpi<BillableUtilisation>(() => BillableUtilisation) {}
@ObjectType({ simpleResolvers: true }) export class BudgetBurnKpi extends Kpi<ProjectBudgetBurn[]>(() => [ProjectBudgetBurn]) {}
@ObjectType({ simpleResolvers: true }) export class ProjectMarginKpi extends Kpi<ProjectMargins>(() => ProjectMargins) {}

const kpi = { complexity: kpiComplexity };

@ObjectType({ simpleResolvers: true, description: 'Service delivery KPIs for a period (kpis.md, "Service delivery").' })
export class ServiceDeliveryDashboard {
  @Field(() => ActiveProjectsKpi, { ...kpi, description: 'Projects started and neither completed nor cancelled at the end of the period.' })
  activeProjects!: ActiveProjectsKpi;
  @Field(() => ProjectsCompletedKpi, { ...kpi, description: 'Projects completed in the period.' })
  projectsCompleted!: ProjectsCompletedKpi;
  @Field(() => AverageProjectDurationKpi, { ...kpi, description: 'Mean days from start to completion, over projects completed in the period.' })
  averageProjectDurationDays!: AverageProjectDurationKpi;
  @Field(() => OnTimeDeliveryKpi, { ...kpi, description: 'Completed on or before the due date ÷ completed, in the period.' })
  onTimeDeliveryRate!: OnTimeDeliveryKpi;
  @Field(() => BillableHoursKpi, { ...kpi, description: 'Billable hours with a work date in the period, after corrections and deletions.' })
  billableHours!: BillableHoursKpi;
  @Field(() => BillableUtilisationKpi, { ...kpi, description: 'Billable ÷ available hours, team and per consultant.' })
  billableUtilisation!: BillableUtilisationKpi;
  @Field(() => BudgetBurnKpi, { ...kpi, description: 'Hours and cost logged to date ÷ budget, per project open during the period.' })
  budgetBurn!: BudgetBurnKpi;
  @Field(() => ProjectMarginKpi, { ...kpi, description: '(Invoiced revenue − cost) ÷ invoiced revenue, per project and tier.' })
  projectMargin!: ProjectMarginKpi;
}
