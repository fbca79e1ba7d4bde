import type { DomainEvent } from '../../core/messages';
import type { Json } from '../../core/read-store.port';

/** What set a run off, in enough detail to load it again for a retry. */
export type StoredTrigger =
  | { kind: 'event'; eventId: string; eventType: string; stream: string; revision: string }
  | { kind: 'schedule'; schedule: string; at: string };

/** What a step produced in the tool: its id there and whatever later steps need. */
export type StepResult = { [field: string]: Json };

/** The first event of `WorkflowSteps-<runId>`. */
export type WorkflowRunTriggered = DomainEvent<'WorkflowRunTriggered', { runId: string; workflow: string; trigger: StoredTrigger }>;

/**
 * Written just before calling a tool that offers no lookup (Slack): if the worker dies before the
 * outcome is recorded, the call is not repeated (at most once).
 */
export type WorkflowStepAttempted = DomainEvent<'WorkflowStepAttempted', { runId: string; step: string; key: string }>;

export type WorkflowStepCompleted = DomainEvent<
  'WorkflowStepCompleted',
  { runId: string; step: string; externalId: string | null; result: StepResult }
>;

/** The step did not run: its tool is not configured, or there was nothing to do. */
export type WorkflowStepSkipped = DomainEvent<'WorkflowStepSkipped', { runId: string; step: string; reason: string }>;

/** `ambiguous`: the tool may have acted anyway (no answer in time). */
export type WorkflowStepFailed = DomainEvent<'WorkflowStepFailed', { runId: string; step: string; error: string; ambiguous: boolean }>;

export type WorkflowStepEvent = WorkflowRunTriggered | WorkflowStepAttempted | WorkflowStepCompleted | WorkflowStepSkipped | WorkflowStepFailed;
