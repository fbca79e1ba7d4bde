import type { Command } from '../../core/messages';
import type { StepResult, StoredTrigger } from './workflow-steps.events';

export type RecordRunTrigger = Command<'RecordRunTrigger', { runId: string; workflow: string; trigger: StoredTrigger }>;

export type MarkStepAttempted = Command<'MarkStepAttempted', { runId: string; step: string; key: string }>;

export type CompleteStep = Command<'CompleteStep', { runId: string; step: string; externalId: string | null; result: StepResult }>;

export type SkipStep = Command<'SkipStep', { runId: string; step: string; reason: string }>;

export type FailStep = Command<'FailStep', { runId: string; step: string; error: string; ambiguous: boolean }>;

export type WorkflowStepCommand = RecordRunTrigger | MarkStepAttempted | CompleteStep | SkipStep | FailStep;
