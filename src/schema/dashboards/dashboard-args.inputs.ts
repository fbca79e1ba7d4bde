import { Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, InputType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

// No class-validator rules here: the period is checked once per request by the dashboards
// (`period.invalid`, `period.empty`), which lets the dashboard queries skip argument validation.
@InputType({ description: 'A KPI period: from (inclusive) to (exclusive), each a date YYYY-MM-DD (midnight in the business time zone) or an ISO-8601 instant.' })
export class PeriodInput {
  @Field() from!: string;
  @Field() to!: string;
}

@ArgsType()
export class DashboardArgs {
  @Field(() => PeriodInput)
  period!: PeriodInput;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The figures as the dashboards knew them at this instant: only events recorded by then count. Replays the log, up to AS_OF_MAX_EVENTS events.',
  })
  asOf?: Date | null;
}

@InputType({ description: 'Targets to judge against instead of the defaults, as fractions (0.9 = 90 %).' })
export class KpiTargetOverridesInput {
  @Field(() => Float, { nullable: true }) @Min(0) @Max(1) csat?: number | null;
  @Field(() => Float, { nullable: true }) @Min(0) @Max(1) billableUtilisation?: number | null;
  @Field(() => Float, { nullable: true }) @Min(0) @Max(1) paidWithin30DaysRate?: number | null;
  @Field(() => Float, { nullable: true }) @Min(0) @Max(1) manualWorkReduction?: number | null;
}

@ArgsType()
export class KpiTargetsArgs extends DashboardArgs {
  @Field(() => KpiTargetOverridesInput, { nullable: true })
  @ValidateNested()
  targets?: KpiTargetOverridesInput | null;
}
