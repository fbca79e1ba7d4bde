import type { Decider } from '../../core/decider';
import { DomainRuleError } from '../../core/errors';
import { streamName } from '../../core/stream-name';
import type { CompleteStep, FailStep, MarkStepAttempted, RecordRunTrigger, SkipStep, WorkflowStepCommand } from './workflow-steps.commands';
import type { StepResult, StoredTrigger, WorkflowStepEvent } from './workflow-steps.events';

export type StepState =
  | { status: 'attempted' }
  | { status: 'completed'; externalId: string | null; result: StepResult }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string; ambiguous: boolean };

export interface WorkflowStepsState {
  readonly trigger: StoredTrigger | null;
  readonly steps: Readonly<Record<string, StepState>>;
}

export const workflowStepsStream = (runId: string) => streamName('WorkflowSteps', runId);

/**
 * The ledger of one run's steps. A completed step is final: completing, skipping or failing it
 * again changes nothing, so a re-run after a crash or a retry reuses what was done.
 */
export const workflowStepsDecider: Decider<WorkflowStepCommand, WorkflowStepEvent, WorkflowStepsState> = {
  initialState: { trigger: null, steps: {} },
  decide(command, state) {
    switch (command.type) {
      case 'RecordRunTrigger':
        return recordTrigger(command, state);
      case 'MarkStepAttempted':
        return markAttempted(command, state);
      case 'CompleteStep':
        return complete(command, state);
      case 'SkipStep':
        return skip(command, state);
      case 'FailStep':
        return fail(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'WorkflowRunTriggered':
        return { ...state, trigger: event.data.trigger };
      case 'WorkflowStepAttempted':
        return withStep(state, event.data.step, { status: 'attempted' });
      case 'WorkflowStepCompleted':
        return withStep(state, event.data.step, { status: 'completed', externalId: event.data.externalId, result: event.data.result });
      case 'WorkflowStepSkipped':
        return withStep(state, event.data.step, { status: 'skipped', reason: event.data.reason });
      case 'WorkflowStepFailed':
        return withStep(state, event.data.step, { status: 'failed', error: event.data.error, ambiguous: event.data.ambiguous });
      default:
        return state;
    }
  },
};

const withStep = (state: WorkflowStepsState, step: string, value: StepState): WorkflowStepsState => ({ ...state, steps: { ...state.steps, [step]: value } });

function requireStep(step: string): void {
  if (typeof step !== 'string' || step.trim().length === 0) throw new DomainRuleError('workflow_step.missing_step', 'A step needs a name');
}

function recordTrigger({ data }: RecordRunTrigger, state: WorkflowStepsState): WorkflowStepEvent[] {
  if (state.trigger !== null) return [];
  return [{ type: 'WorkflowRunTriggered', data: { runId: data.runId, workflow: data.workflow, trigger: data.trigger } }];
}

/** Only a step that may still be called gets a marker; a marker left by a crash stays. */
function markAttempted({ data }: MarkStepAttempted, state: WorkflowStepsState): WorkflowStepEvent[] {
  requireStep(data.step);
  const step = state.steps[data.step];
  if (step?.status === 'completed' || step?.status === 'attempted') return [];
  if (step?.status === 'failed' && step.ambiguous) {
    throw new DomainRuleError('workflow_step.outcome_unknown', `Step ${data.step} may already have acted; it is not called again`);
  }
  return [{ type: 'WorkflowStepAttempted', data: { runId: data.runId, step: data.step, key: data.key } }];
}

function complete({ data }: CompleteStep, state: WorkflowStepsState): WorkflowStepEvent[] {
  requireStep(data.step);
  if (state.steps[data.step]?.status === 'completed') return [];
  return [{ type: 'WorkflowStepCompleted', data: { runId: data.runId, step: data.step, externalId: data.externalId, result: data.result } }];
}

function skip({ data }: SkipStep, state: WorkflowStepsState): WorkflowStepEvent[] {
  requireStep(data.step);
  const step = state.steps[data.step];
  if (step?.status === 'completed' || (step?.status === 'skipped' && step.reason === data.reason)) return [];
  return [{ type: 'WorkflowStepSkipped', data: { runId: data.runId, step: data.step, reason: data.reason } }];
}

function fail({ data }: FailStep, state: WorkflowStepsState): WorkflowStepEvent[] {
  requireStep(data.step);
  const step = state.steps[data.step];
  if (step?.status === 'completed') return [];
  if (step?.status === 'failed' && step.error === data.error && step.ambiguous === data.ambiguous) return [];
  return [{ type: 'WorkflowStepFailed', data: { runId: data.runId, step: data.step, error: data.error, ambiguous: data.ambiguous } }];
}
