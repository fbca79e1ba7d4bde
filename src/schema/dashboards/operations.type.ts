import { Field, Float, Int, ObjectType } from 'type-graphql';
import { domainEnum } from '../enums/domain.enums';
import { DateTimeScalar } from '../shared/scalars';
import type { WebhookToolCounts } from '../../projections/operations/webhook.queries';
import { FloatByKey, IntByKey, Kpi, rowsOf } from './kpi.type';

export const SyncHealthEnum = domainEnum(['ok', 'failing', 'stale'] as const, 'SyncHealth', 'FAILING: the latest run failed; STALE: no success within 2 × its interval; otherwise OK.');

@ObjectType({ simpleResolvers: true })
export class SourceSyncStatus {
  @Field() source!: string;
  @Field(() => SyncHealthEnum) status!: string;
  @Field(() => Int) intervalSeconds!: number;
  @Field(() => DateTimeScalar) lastRunAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) lastSuccessAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastFailureAt!: string | null;
  @Field(() => String, { nullable: true }) lastFailureMessage!: string | null;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => Int, { nullable: true }) recordsInLastRun!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "One tool's webhook deliveries in the period, and its backlog at the period end (or asOf)." })
export class WebhookToolActivity {
  @Field() tool!: string;
  @Field(() => Int) received!: number;
  @Field(() => Int) processed!: number;
  @Field(() => Int) ignored!: number;
  @Field(() => [IntByKey], { description: 'Ignored deliveries by the reason recorded for each (why it changes nothing); `unrecorded` for ones ignored before reasons were kept.' })
  ignoredByReason!: { key: string; value: number }[];
  @Field(() => Int, { description: 'Deliveries with at least one failed attempt in the period.' }) failed!: number;
  @Field(() => Int) failedAttempts!: number;
  @Field(() => Int) parked!: number;
  @Field(() => Int, { description: 'Requests refused at the door (bad signature or input; a rate-limit summary counts the requests it stands for).' }) rejected!: number;
  @Field(() => Int) unprocessed!: number;
  @Field(() => Float, { nullable: true }) oldestUnprocessedAgeMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class WorkflowRunCounts {
  @Field() workflow!: string;
  @Field(() => Int) started!: number;
  @Field(() => Int, { description: 'Runs that reached their current outcome in the period.' }) runs!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Float, { nullable: true, description: 'succeeded ÷ (succeeded + failed).' }) successRate!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class ManualWorkSaved {
  @Field(() => Float) minutes!: number;
  @Field(() => [FloatByKey]) byWorkflow!: FloatByKey[];
}

@ObjectType({ simpleResolvers: true })
export class ManualWorkReduction {
  @Field(() => Float, { nullable: true, description: 'saved ÷ (saved + manual admin minutes). Target ≥ 0.5.' }) rate!: number | null;
  @Field(() => Float) savedMinutes!: number;
  @Field(() => Float) manualMinutes!: number;
}

@ObjectType({ simpleResolvers: true })
export class ProjectionLagRow {
  @Field() projection!: string;
  @Field(() => Int) eventsBehind!: number;
  @Field({ description: 'True when counting stopped: at least eventsBehind events behind.' }) eventsBehindCapped!: boolean;
  @Field(() => Float) secondsBehind!: number;
}

@ObjectType({ simpleResolvers: true }) export class SyncStatusKpi extends Kpi<SourceSyncStatus[]>(() => [SourceSyncStatus]) {}
@ObjectType({ simpleResolvers: true }) export class WebhookDeliveriesKpi extends Kpi<WebhookToolActivity[]>(() => [WebhookToolActivity]) {}
@ObjectType({ simpleResolvers: true }) export class WorkflowRunsKpi extends Kpi<WorkflowRunCounts[]>(() => [WorkflowRunCounts]) {}
@ObjectType({ simpleResolvers: true }) export class ManualWorkSavedKpi extends Kpi<ManualWorkSaved>(() => ManualWorkSaved) {}
@ObjectType({ simpleResolvers: true }) export class ManualWorkReductionKpi extends Kpi<ManualWorkReduction>(() => ManualWorkReduction) {}
@ObjectType({ simpleResolvers: true }) export class ProjectionLagKpi extends Kpi<ProjectionLagRow[]>(() => [ProjectionLagRow]) {}

/** Per-tool webhook counts as rows sorted by tool, each with its ignored deliveries by reason. */
export function toToolActivity(byTool: Readonly<Record<string, WebhookToolCounts>>): WebhookToolActivity[] {
  return rowsOf(byTool).map(({ key, value }) => ({ tool: key, ...value, ignoredByReason: rowsOf(value.ignoredByReason) }));
}
