import type { DomainEvent } from '../../core/messages';

/** What set a run off: a domain event (by its id) or a named schedule. */
export type WorkflowTrigger = { kind: 'event'; eventId: string } | { kind: 'schedule'; schedule: string };

/** `manualMinutes` is the manual work one successful run replaces (may be fractional). */
export type WorkflowRunStarted = DomainEvent<
  'WorkflowRunStarted',
  { runId: string; workflow: string; trigger: WorkflowTrigger; manualMinutes: number }
>;

/** At most one per run, so Σ `manualMinutesSaved` counts each run once however many attempts it took. */
export type WorkflowRunSucceeded = DomainEvent<
  'WorkflowRunSucceeded',
  { runId: string; workflow: string; manualMinutesSaved: number; attempt: number }
>;

/** `attempt` is 1 for the first try; a retried run can fail again with a higher attempt. */
export type WorkflowRunFailed = DomainEvent<
  'WorkflowRunFailed',
  { runId: string; workflow: string; error: string; retryable: boolean; attempt: number }
>;

export type WorkflowRunSkipped = DomainEvent<'WorkflowRunSkipped', { runId: string; workflow: string; reason: string; attempt: number }>;

/** A failed run runs again; `attempt` is the new attempt's number. */
export type WorkflowRunRetried = DomainEvent<'WorkflowRunRetried', { runId: string; workflow: string; attempt: number }>;

export type WorkflowRunEvent = WorkflowRunStarted | WorkflowRunSucceeded | WorkflowRunFailed | WorkflowRunSkipped | WorkflowRunRetried;
