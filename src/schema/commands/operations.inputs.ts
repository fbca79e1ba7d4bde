import { ValidateBy, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import type { WorkflowTrigger } from '../../aggregates/operations/workflow-run.events';
import { IsCalendarDate, IsEntityId, IsMinutes, IsOptionalText, IsText, IsWholeNumber } from './input.validators';

@InputType()
export class RecordSyncSuccessInput {
  @Field({ description: 'Data source slug, e.g. `xero`.' }) @IsText(64) source!: string;
  @Field({ description: 'Id from the sync runner; recording it twice changes nothing.' }) @IsEntityId() runId!: string;
  @Field(() => Int) @IsWholeNumber(0) records!: number;
  @Field(() => Int) @IsWholeNumber(0) durationMs!: number;
  @Field(() => Int, { description: 'How often the source is synced; a source is stale after two intervals without success.' })
  @IsWholeNumber(1)
  intervalSeconds!: number;
  @Field(() => String, { nullable: true }) @IsOptionalText(1000) cursor?: string | null;
}

@InputType()
export class RecordSyncFailureInput {
  @Field() @IsText(64) source!: string;
  @Field() @IsEntityId() runId!: string;
  @Field() @IsText(2000) error!: string;
  @Field(() => Int) @IsWholeNumber(0) durationMs!: number;
  @Field(() => Int) @IsWholeNumber(1) intervalSeconds!: number;
}

@InputType({ description: 'What started a workflow run: exactly one of `eventId` or `schedule`.' })
export class WorkflowTriggerInput {
  @Field(() => String, { nullable: true }) @IsEntityId() eventId?: string | null;
  @Field(() => String, { nullable: true }) @IsText(200) schedule?: string | null;
}

const IsOneTrigger = (): PropertyDecorator =>
  ValidateBy({
    name: 'isOneTrigger',
    validator: {
      validate: (value: WorkflowTriggerInput | undefined) => (value?.eventId != null) !== (value?.schedule != null),
      defaultMessage: () => '$property must give exactly one of eventId or schedule',
    },
  });

@InputType()
export class StartWorkflowRunInput {
  @Field({ description: 'Chosen by the workflow engine; starting it twice changes nothing.' }) @IsEntityId() runId!: string;
  @Field() @IsText(200) workflow!: string;
  @Field(() => WorkflowTriggerInput) @IsOneTrigger() @ValidateNested() trigger!: WorkflowTriggerInput;
  @Field(() => Float, { description: 'Minutes of manual work one successful run replaces.' }) @IsMinutes({ allowZero: true }) manualMinutes!: number;
}

/** The domain's trigger union from the validated input (exactly one member is set). */
export function workflowTrigger(input: WorkflowTriggerInput): WorkflowTrigger {
  return input.eventId != null ? { kind: 'event', eventId: input.eventId } : { kind: 'schedule', schedule: input.schedule ?? '' };
}

@InputType()
export class CompleteWorkflowRunInput {
  @Field() @IsEntityId() runId!: string;
}

@InputType()
export class FailWorkflowRunInput {
  @Field() @IsEntityId() runId!: string;
  @Field() @IsText(2000) error!: string;
  @Field() retryable!: boolean;
}

@InputType()
export class SkipWorkflowRunInput {
  @Field() @IsEntityId() runId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class RetryWorkflowRunInput {
  @Field() @IsEntityId() runId!: string;
}

@InputType()
export class RecordManualAdminInput {
  @Field({ description: "The entry's id in its timesheet or form; recording it twice changes nothing." }) @IsEntityId() entryId!: string;
  @Field(() => Float) @IsMinutes({ allowZero: false }) minutes!: number;
  @Field() @IsText(500) description!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() performedOn!: string;
}
