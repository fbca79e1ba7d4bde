import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { DocumentFilter } from '../../core/read-store.port';
import type { WorkflowRunDocument } from '../../projections/operations';
import { readRun } from '../../workflows/engine/run-state';
import { readSteps } from '../../workflows/engine/step-ledger';
import type { StepState } from '../../workflows/engine/workflow-steps.decider';
import type { StoredTrigger } from '../../workflows/engine/workflow-steps.events';
import type { GraphQLContext } from '../context';
import { WorkflowRunDetail, WorkflowRunStatus, WorkflowRunSummary, type WorkflowStep, WorkflowStepStatus } from './workflow-run.type';

const maxRuns = 100;

/**
 * Runs of the automation workflows, to see what they did and why they failed or skipped. A failed
 * run is retried with `retryWorkflowRun(input: { runId })`: the engine picks the retry up.
 */
@Resolver()
export class WorkflowRunsResolver {
  @Authorized('VIEWER')
  @Query(() => WorkflowRunDetail, { nullable: true, description: 'A run with its steps, read from its streams (never behind).' })
  async workflowRun(@Arg('runId', () => ID) runId: string, @Ctx() context: GraphQLContext): Promise<WorkflowRunDetail | null> {
    const store = context.services.eventStore;
    const [run, ledger] = await Promise.all([readRun(store, runId), readSteps(store, runId)]);
    if (run.status === 'none') return null;
    const steps = Object.entries(ledger.steps).map(([step, state]) => stepOf(step, state));
    const { workflow, attempt, manualMinutes } = run;
    return { runId, workflow, status: run.status as WorkflowRunStatus, attempt, manualMinutes, trigger: triggerText(ledger.trigger), steps };
  }

  @Authorized('VIEWER')
  @Query(() => [WorkflowRunSummary], {
    description: 'The latest runs (workflow_runs read model), newest first, optionally of one workflow or status.',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(maxRuns, Number(args.first ?? 20)),
  })
  async recentWorkflowRuns(
    @Ctx() context: GraphQLContext,
    @Arg('workflow', () => String, { nullable: true }) workflow?: string | null,
    @Arg('status', () => WorkflowRunStatus, { nullable: true }) status?: WorkflowRunStatus | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${maxRuns}.` }) first = 20,
  ): Promise<WorkflowRunSummary[]> {
    // Every run has a start; the collection's sum documents (workflow-run.sums.ts) have none.
    const filter: Record<string, DocumentFilter[string]> = { startedAt: { $gte: '' } };
    if (workflow) filter.workflow = workflow;
    if (status) filter.status = status;
    const limit = Math.max(1, Math.min(maxRuns, first));
    const page = await context.services.readStore.find<WorkflowRunDocument>('workflow_runs', { filter: filter as DocumentFilter, sort: [['startedAt', -1]], limit });
    return page.documents.map(({ runId, workflow: name, status: state, attempts, startedAt, finishedAt, lastError }) => ({
      runId,
      workflow: name,
      status: state as WorkflowRunStatus,
      attempts,
      startedAt,
      finishedAt,
      lastError,
    }));
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
