import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { WorkflowStepCommand } from './workflow-steps.commands';
import { workflowStepsDecider } from './workflow-steps.decider';
import type { StoredTrigger, WorkflowStepEvent } from './workflow-steps.events';

const spec = deciderSpec(workflowStepsDecider);
const at = '2026-03-02T00:00:00.000Z';
const runId = 'run-1';
const step = 'plane.project';
const trigger: StoredTrigger = { kind: 'event', eventId: 'evt-1', eventType: 'ClientOnboarded', stream: 'Client-c-1', revision: '0' };

const recordTrigger: WorkflowStepCommand = { type: 'RecordRunTrigger', occurredAt: at, data: { runId, workflow: 'client-onboarding', trigger } };
const triggered: WorkflowStepEvent = { type: 'WorkflowRunTriggered', data: { runId, workflow: 'client-onboarding', trigger } };
const mark: WorkflowStepCommand = { type: 'MarkStepAttempted', occurredAt: at, data: { runId, step, key: 'evt-1:plane.project' } };
const attempted: WorkflowStepEvent = { type: 'WorkflowStepAttempted', data: { runId, step, key: 'evt-1:plane.project' } };
const complete: WorkflowStepCommand = { type: 'CompleteStep', occurredAt: at, data: { runId, step, externalId: 'p-9', result: { identifier: 'ACME' } } };
const completed: WorkflowStepEvent = { type: 'WorkflowStepCompleted', data: { runId, step, externalId: 'p-9', result: { identifier: 'ACME' } } };
const skip: WorkflowStepCommand = { type: 'SkipStep', occurredAt: at, data: { runId, step, reason: 'Plane is not configured' } };
const skipped: WorkflowStepEvent = { type: 'WorkflowStepSkipped', data: { runId, step, reason: 'Plane is not configured' } };
const failWith = (ambiguous: boolean): WorkflowStepCommand => ({ type: 'FailStep', occurredAt: at, data: { runId, step, error: 'timeout', ambiguous } });
const failed = (ambiguous: boolean): WorkflowStepEvent => ({ type: 'WorkflowStepFailed', data: { runId, step, error: 'timeout', ambiguous } });

describe('workflow steps decider', () => {
  it('records what triggered the run once', () => {
    spec.given([]).when(recordTrigger).then([triggered]);
    spec.given([triggered]).when(recordTrigger).thenNothingHappens();
  });

  it('completes a step with its external id and result', () => spec.given([triggered]).when(complete).then([completed]));

  it('treats completing a completed step again as a no-op, so a re-run reuses it', () => spec.given([completed]).when(complete).thenNothingHappens());

  it('keeps a completed step completed when a skip or failure is reported for it later', () => {
    spec.given([completed]).when(skip).thenNothingHappens();
    spec.given([completed]).when(failWith(false)).thenNothingHappens();
  });

  it('skips a step with its reason, once', () => {
    spec.given([]).when(skip).then([skipped]);
    spec.given([skipped]).when(skip).thenNothingHappens();
  });

  it('completes a step skipped earlier once its tool is configured', () => spec.given([skipped]).when(complete).then([completed]));

  it('marks an at-most-once step before its call, and only once', () => {
    spec.given([]).when(mark).then([attempted]);
    spec.given([attempted]).when(mark).thenNothingHappens();
  });

  it('allows another attempt after a failure the tool reported (it did not act)', () => spec.given([attempted, failed(false)]).when(mark).then([attempted]));

  it('refuses another attempt after a failure that may hide a success', () =>
    spec.given([attempted, failed(true)]).when(mark).thenRejects('workflow_step.outcome_unknown'));

  it('records a failure once per error', () => {
    spec.given([attempted]).when(failWith(true)).then([failed(true)]);
    spec.given([attempted, failed(true)]).when(failWith(true)).thenNothingHappens();
  });

  it('refuses a step without a name', () =>
    spec.given([]).when({ ...complete, data: { ...complete.data, step: ' ' } } as WorkflowStepCommand).thenRejects('workflow_step.missing_step'));
});
