import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { WorkflowRunCommand } from './workflow-run.commands';
import { workflowRunDecider } from './workflow-run.decider';
import type { WorkflowRunEvent, WorkflowTrigger } from './workflow-run.events';

const spec = deciderSpec(workflowRunDecider);
const at = '2026-03-02T00:00:00.000Z';
const trigger: WorkflowTrigger = { kind: 'event', eventId: 'evt-7' };
const ids = { runId: 'wr-1' };
const named = { runId: 'wr-1', workflow: 'invoice-reminder' };

const start: WorkflowRunCommand = { type: 'StartWorkflowRun', occurredAt: at, data: { ...named, trigger, manualMinutes: 15 } };
const started: WorkflowRunEvent = { type: 'WorkflowRunStarted', data: { ...named, trigger, manualMinutes: 15 } };
const complete: WorkflowRunCommand = { type: 'CompleteWorkflowRun', occurredAt: at, data: ids };
const succeeded = (attempt = 1): WorkflowRunEvent => ({ type: 'WorkflowRunSucceeded', data: { ...named, manualMinutesSaved: 15, attempt } });
const fail: WorkflowRunCommand = { type: 'FailWorkflowRun', occurredAt: at, data: { ...ids, error: 'Xero 503', retryable: true } };
const failed = (attempt = 1): WorkflowRunEvent => ({ type: 'WorkflowRunFailed', data: { ...named, error: 'Xero 503', retryable: true, attempt } });
const skip: WorkflowRunCommand = { type: 'SkipWorkflowRun', occurredAt: at, data: { ...ids, reason: 'invoice already paid' } };
const skipped: WorkflowRunEvent = { type: 'WorkflowRunSkipped', data: { ...named, reason: 'invoice already paid', attempt: 1 } };
const retry: WorkflowRunCommand = { type: 'RetryWorkflowRun', occurredAt: at, data: ids };
const retried: WorkflowRunEvent = { type: 'WorkflowRunRetried', data: { ...named, attempt: 2 } };

describe('workflow run decider', () => {
  it('starts a run with its trigger and the manual minutes it replaces', () => spec.given([]).when(start).then([started]));

  it('starts a scheduled run', () => {
    const schedule: WorkflowTrigger = { kind: 'schedule', schedule: 'daily-07:00' };
    spec.given([]).when({ ...start, data: { ...start.data, trigger: schedule } } as WorkflowRunCommand).then([
      { type: 'WorkflowRunStarted', data: { ...named, trigger: schedule, manualMinutes: 15 } },
    ]);
  });

  it('treats starting the same run twice as a no-op', () => spec.given([started]).when(start).thenNothingHappens());

  it('rejects a run id started for another workflow', () =>
    spec.given([started]).when({ ...start, data: { ...start.data, workflow: 'other' } } as WorkflowRunCommand).thenRejects('workflow_run.already_started'));

  it('rejects a trigger that is neither an event nor a schedule', () =>
    spec.given([]).when({ ...start, data: { ...start.data, trigger: { kind: 'event', eventId: '' } } } as WorkflowRunCommand).thenRejects('workflow_run.invalid_trigger'));

  it('rejects negative manual minutes', () =>
    spec.given([]).when({ ...start, data: { ...start.data, manualMinutes: -1 } } as WorkflowRunCommand).thenRejects('workflow_run.invalid_manual_minutes'));

  it('completes a running run, saving its manual minutes', () => spec.given([started]).when(complete).then([succeeded()]));

  it('treats completing a succeeded run as a no-op', () => spec.given([started, succeeded()]).when(complete).thenNothingHappens());

  it('refuses to finish a run that was never started', () => {
    for (const command of [complete, fail, skip, retry]) spec.given([]).when(command).thenRejects('workflow_run.not_started');
  });

  it('fails a running run', () => spec.given([started]).when(fail).then([failed()]));

  it('treats failing a failed run as a no-op', () => spec.given([started, failed()]).when(fail).thenNothingHappens());

  it('skips a running run', () => spec.given([started]).when(skip).then([skipped]));

  it('treats skipping a skipped run as a no-op', () => spec.given([started, skipped]).when(skip).thenNothingHappens());

  it('refuses to complete a failed run without a retry', () => spec.given([started, failed()]).when(complete).thenRejects('workflow_run.already_finished'));

  it('refuses to complete a skipped run', () => spec.given([started, skipped]).when(complete).thenRejects('workflow_run.already_finished'));

  it('refuses to fail or skip a succeeded run', () => {
    spec.given([started, succeeded()]).when(fail).thenRejects('workflow_run.already_finished');
    spec.given([started, succeeded()]).when(skip).thenRejects('workflow_run.already_finished');
  });

  it('retries a failed run as its next attempt', () => spec.given([started, failed()]).when(retry).then([retried]));

  it('treats the same retry reported twice as a no-op', () => spec.given([started, failed(), retried]).when(retry).thenNothingHappens());

  it('completes a retried run with the attempt that succeeded', () => spec.given([started, failed(), retried]).when(complete).then([succeeded(2)]));

  it('fails a retried run again with the new attempt', () => spec.given([started, failed(), retried]).when(fail).then([failed(2)]));

  it('retries a skipped run as its next attempt (its tool may be configured since)', () => spec.given([started, skipped]).when(retry).then([retried]));

  it('refuses to retry a run that is running or succeeded', () => {
    spec.given([started]).when(retry).thenRejects('workflow_run.not_failed');
    spec.given([started, succeeded()]).when(retry).thenRejects('workflow_run.not_failed');
  });
});
