import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import { workflowRunStream } from '../../aggregates/operations/workflow-run.decider';
import type { WorkflowRunDocument } from '../../projections/operations';
import { workflowRunsProjection } from '../../projections/operations/workflow-runs.projection';
import { readSteps } from '../../workflows/engine/step-ledger';
import type { StepState } from '../../aggregates/workflow-steps/workflow-steps.decider';
import type { StoredTrigger } from '../../aggregates/workflow-steps/workflow-steps.events';
import type { GraphQLContext } from '../context';
import { findPage } from '../entities/entity-page';
import { DocumentFilterBuilder } from '../entities/document-filter.builder';
import { lookupIdOf } from '../relay/node.interface';
import { ConnectionArgs } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { toWorkflowRun, WorkflowRun, WorkflowRunConnection, WorkflowRunStatus, WorkflowStep, WorkflowStepStatus } from './workflow-run.type';

@ArgsType()
class WorkflowRunsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true }) workflow?: string | null;
  @Field(() => WorkflowRunStatus, { nullable: true }) status?: WorkflowRunStatus | null;
}

/** The run folded from its own stream by the read model's own evolve: the same document, never behind. */
export async function readWorkflowRun(context: GraphQLContext, runId: string): Promise<WorkflowRun | null> {
  let document: WorkflowRunDocument | null = null;
  for await (const event of context.services.eventStore.readStream(workflowRunStream(runId))) {
    document = workflowRunsProjection.evolve(document, event as RecordedEvent, runId);
  }
  return document === null ? null : toWorkflowRun(document);
}

/**
 * Runs of the automation workflows, to see what they did and why they failed or skipped. A failed
 * run is retried with `retryWorkflowRun(input: { runId })`: the engine picks the retry up.
 */
@Resolver(() => WorkflowRun)
export class WorkflowRunsResolver {
  @Authorized('VIEWER')
  @Query(() => WorkflowRun, { nullable: true, description: 'A run by its `runId` (or global `id`), read from its stream (never behind).' })
  workflowRun(@Arg('runId', () => ID) runId: string, @Ctx() context: GraphQLContext): Promise<WorkflowRun | null> {
    return readWorkflowRun(context, lookupIdOf('WorkflowRun', runId));
  }

  @Authorized('VIEWER')
  @Query(() => WorkflowRunConnection, { complexity: pageComplexity, description: 'Runs from the workflow_runs read model, newest first, optionally of one workflow or status.' })
  workflowRuns(@Args() args: WorkflowRunsArgs, @Ctx() context: GraphQLContext): Promise<WorkflowRunConnection> {
    // Every run has a start; the collection's sum documents (workflow-run.sums.ts) have none.
    const filter = new DocumentFilterBuilder().bounds('startedAt', { $gte: '' }).equals('workflow', args.workflow).equals('status', args.status).build();
    return findPage(context, 'workflow_runs', { filter, sort: [['startedAt', -1]] }, args, toWorkflowRun);
  }

  @FieldResolver(() => String, { nullable: true, complexity: 10, description: 'The triggering event id, or `<schedule>@<instant>`.' })
  async trigger(@Root() run: WorkflowRun, @Ctx() context: GraphQLContext): Promise<string | null> {
    return triggerText((await readSteps(context.services.eventStore, run.runId)).trigger);
  }

  @FieldResolver(() => [WorkflowStep], { complexity: ({ childComplexity }) => 10 + childComplexity, description: 'Every step the run recorded, from its WorkflowSteps ledger (one stream read per run).' })
  async steps(@Root() run: WorkflowRun, @Ctx() context: GraphQLContext): Promise<WorkflowStep[]> {
    const ledger = await readSteps(context.services.eventStore, run.runId);
    return Object.entries(ledger.steps).map(([step, state]) => stepOf(step, state));
  }
}

function stepOf(step: string, state: StepState): WorkflowStep {
  const status = state.status as WorkflowStepStatus;
  switch (state.status) {
    case 'completed':
      return { step, status, externalId: state.externalId, result: state.result, reason: null };
    case 'skipped':
      return { step, status, externalId: null, result: null, reason: state.reason };
    case 'failed':
      return { step, status, externalId: null, result: null, reason: state.error };
    default:
      return { step, status: WorkflowStepStatus.ATTEMPTED, externalId: null, result: null, reason: null };
  }
}

function triggerText(trigger: StoredTrigger | null): string | null {
  if (trigger === null) return null;
  return trigger.kind === 'event' ? trigger.eventId : `${trigger.schedule}@${trigger.at}`;
}
