import type { ReadDocument } from '../../core/read-store.port';

export type WorkflowRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

/** One workflow run; a failed run that is retried is running again until its next outcome. */
export interface WorkflowRunDocument extends ReadDocument {
  readonly runId: string;
  readonly workflow: string;
  readonly startedAt: string;
  readonly status: WorkflowRunStatus;
  readonly attempts: number;
  /** When the current outcome happened; null while running. */
  readonly finishedAt: string | null;
  readonly succeededAt: string | null;
  /** Manual minutes one success replaces; counted as saved once the run succeeds. */
  readonly manualMinutes: number;
  readonly manualMinutesSaved: number;
  readonly lastError: string | null;
}
