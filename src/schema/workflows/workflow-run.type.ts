import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { WorkflowRunDocument } from '../../projections/operations';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, JSONObjectScalar } from '../shared/scalars';

export enum WorkflowRunStatus {
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  SKIPPED = 'skipped',
}

registerEnumType(WorkflowRunStatus, {
  name: 'WorkflowRunStatus',
  description: 'A failed or skipped run can be retried with retryWorkflowRun (e.g. once its tool is configured); a skipped run says which steps had nothing to do and why.',
});

export enum WorkflowStepStatus {
  ATTEMPTED = 'attempted',
  COMPLETED = 'completed',
  SKIPPED = 'skipped',
  FAILED = 'failed',
}

registerEnumType(WorkflowStepStatus, {
  name: 'WorkflowStepStatus',
  description: 'ATTEMPTED: an at-most-once call (Slack) was started and its outcome never recorded; it is not repeated.',
});

@ObjectType({ description: 'One step of a workflow run: an outbound call to a tool, recorded with what it created there.' })
export class WorkflowStep {
  @Field()
  step!: string;

  @Field(() => WorkflowStepStatus)
  status!: WorkflowStepStatus;

  @Field(() => String, { nullable: true, description: "The object's id in the tool (project, contact, invoice…)." })
  externalId!: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'What the step recorded for later steps and re-runs (links, numbers, created or found).' })
  result!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Why it was skipped, or the error it failed with.' })
  reason!: string | null;
}

@ObjectType({ implements: Node, description: 'A run of an automation workflow: its outcome from the WorkflowRun stream, its steps from the WorkflowSteps ledger.' })
export class WorkflowRun implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The domain id, as the mutations take it.' })
  runId!: string;

  @Field()
  workflow!: string;

  @Field(() => WorkflowRunStatus)
  status!: WorkflowRunStatus;

  @Field(() => Int, { description: '1 for the first try; each retry adds one.' })
  attempt!: number;

  @Field(() => Float, { description: 'Minutes of manual work one successful run replaces.' })
  manualMinutes!: number;

  @Field(() => DateTimeScalar)
  startedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the current outcome happened; null while running.' })
  finishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The error of the latest failure.' })
  lastError!: string | null;
}

@ObjectType()
export class WorkflowRunConnection extends Connection(WorkflowRun) {}

export function toWorkflowRun(document: WorkflowRunDocument): WorkflowRun {
  const { runId, workflow, status, attempts, manualMinutes, startedAt, finishedAt, lastError } = document;
  return { id: globalIdOf('WorkflowRun', runId), runId, workflow, status: status as WorkflowRunStatus, attempt: attempts, manualMinutes, startedAt, finishedAt, lastError };
}
