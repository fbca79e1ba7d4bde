import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureNonEmpty } from '../shared/rules';
import type { CompleteWorkflowRun, FailWorkflowRun, RetryWorkflowRun, SkipWorkflowRun, StartWorkflowRun, WorkflowRunCommand } from './workflow-run.commands';
import type { WorkflowRunEvent, WorkflowTrigger } from './workflow-run.events';

type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';
type StartedRun = { status: RunStatus; runId: string; workflow: string; manualMinutes: number; attempt: number };

export type WorkflowRunState = { status: 'none' } | StartedRun;

export const workflowRunStream = (runId: string) => streamName('WorkflowRun', runId);

export const workflowRunDecider: Decider<WorkflowRunCommand, WorkflowRunEvent, WorkflowRunState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'StartWorkflowRun':
        return start(command, state);
      case 'CompleteWorkflowRun':
        return complete(command, state);
      case 'FailWorkflowRun':
        return fail(command, state);
      case 'SkipWorkflowRun':
        return skip(command, state);
      case 'RetryWorkflowRun':
        return retry(command, state);
    }
  },
  evolve(state, event) {
    if (event.type === 'WorkflowRunStarted') {
      const { runId, workflow, manualMinutes } = event.data;
      return { status: 'running', runId, workflow, manualMinutes, attempt: 1 };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'WorkflowRunSucceeded':
        return { ...state, status: 'succeeded' };
      case 'WorkflowRunFailed':
        return { ...state, status: 'failed' };
      case 'WorkflowRunSkipped':
        return { ...state, status: 'skipped' };
      case 'WorkflowRunRetried':
        return { ...state, status: 'running', attempt: event.data.attempt };
      default:
        return state;
    }
  },
};

function started(state: WorkflowRunState, runId: string): StartedRun {
  ensure(state.status !== 'none', 'workflow_run.not_started', `Workflow run ${runId} has not been started`);
  return state;
}

/**
 * Moves a running run to `outcome`. The same outcome again is a repeated report (false: nothing to
 * do); any other finished state is final until a retry.
 */
function mayFinish(run: StartedRun, outcome: Exclude<RunStatus, 'running'>): boolean {
  if (run.status === outcome) return false;
  ensure(run.status === 'running', 'workflow_run.already_finished', `Workflow run ${run.runId} already ${run.status}`, { status: run.status });
  return true;
}

function start({ data }: StartWorkflowRun, state: WorkflowRunState): WorkflowRunEvent[] {
  if (state.status !== 'none') {
    ensure(state.workflow === data.workflow, 'workflow_run.already_started', `Run ${data.runId} was already started for ${state.workflow}`);
    return [];
  }
  ensureNonEmpty(data.runId, 'runId');
  ensureNonEmpty(data.workflow, 'workflow');
  ensure(isTrigger(data.trigger), 'workflow_run.invalid_trigger', 'A trigger is an event id or a schedule name');
  ensure(Number.isFinite(data.manualMinutes) && data.manualMinutes >= 0, 'workflow_run.invalid_manual_minutes', `manualMinutes must be ≥ 0, got ${data.manualMinutes}`);
  const { runId, workflow, trigger, manualMinutes } = data;
  return [{ type: 'WorkflowRunStarted', data: { runId, workflow, trigger, manualMinutes } }];
}

/** Commands may come from untyped input (GraphQL, webhooks), so the shape is checked here too. */
function isTrigger(trigger: WorkflowTrigger | undefined): boolean {
  if (trigger?.kind === 'event') return typeof trigger.eventId === 'string' && trigger.eventId.trim().length > 0;
  if (trigger?.kind === 'schedule') return typeof trigger.schedule === 'string' && trigger.schedule.trim().length > 0;
  return false;
}

function complete({ data }: CompleteWorkflowRun, state: WorkflowRunState): WorkflowRunEvent[] {
  const run = started(state, data.runId);
  if (!mayFinish(run, 'succeeded')) return [];
  const { runId, workflow, manualMinutes, attempt } = run;
  return [{ type: 'WorkflowRunSucceeded', data: { runId, workflow, manualMinutesSaved: manualMinutes, attempt } }];
}

function fail({ data }: FailWorkflowRun, state: WorkflowRunState): WorkflowRunEvent[] {
  const run = started(state, data.runId);
  if (!mayFinish(run, 'failed')) return [];
  ensureNonEmpty(data.error, 'error');
  return [{ type: 'WorkflowRunFailed', data: { runId: run.runId, workflow: run.workflow, error: data.error, retryable: data.retryable, attempt: run.attempt } }];
}

function skip({ data }: SkipWorkflowRun, state: WorkflowRunState): WorkflowRunEvent[] {
  const run = started(state, data.runId);
  if (!mayFinish(run, 'skipped')) return [];
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'WorkflowRunSkipped', data: { runId: run.runId, workflow: run.workflow, reason: data.reason, attempt: run.attempt } }];
}

/**
 * A failed run, or a skipped one (e.g. its tool was not configured then), runs again as its next
 * attempt. A retry while the retried attempt is still running is the same retry reported twice.
 */
function retry({ data }: RetryWorkflowRun, state: WorkflowRunState): WorkflowRunEvent[] {
  const run = started(state, data.runId);
  if (run.status === 'running' && run.attempt > 1) return [];
  ensure(run.status === 'failed' || run.status === 'skipped', 'workflow_run.not_failed', `Only a failed or skipped run can be retried; run ${run.runId} is ${run.status}`, { status: run.status });
  return [{ type: 'WorkflowRunRetried', data: { runId: run.runId, workflow: run.workflow, attempt: run.attempt + 1 } }];
}
