import type { Command } from '../../core/messages';
import type { WorkflowTrigger } from './workflow-run.events';

/** `runId` is chosen by the workflow engine (e.g. derived from the trigger): starting it twice is a no-op. */
export type StartWorkflowRun = Command<
  'StartWorkflowRun',
  { runId: string; workflow: string; trigger: WorkflowTrigger; manualMinutes: number }
>;

export type CompleteWorkflowRun = Command<'CompleteWorkflowRun', { runId: string }>;

export type FailWorkflowRun = Command<'FailWorkflowRun', { runId: string; error: string; retryable: boolean }>;

/** A run that started but had nothing to do (conditions not met, already done upstream). */
export type SkipWorkflowRun = Command<'SkipWorkflowRun', { runId: string; reason: string }>;

export type RetryWorkflowRun = Command<'RetryWorkflowRun', { runId: string }>;

export type WorkflowRunCommand = StartWorkflowRun | CompleteWorkflowRun | FailWorkflowRun | SkipWorkflowRun | RetryWorkflowRun;
