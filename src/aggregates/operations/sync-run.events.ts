import type { DomainEvent } from '../../core/messages';

/**
 * One run of a data source's sync, on its own stream (`SyncRun-<source>:<runId>`). Both outcomes
 * carry `source` and the schedule's `intervalSeconds`, so a per-source status document can be
 * folded from these events alone; the run finished at the event's `occurredAt`.
 */
export type SyncRunSucceeded = DomainEvent<
  'SyncRunSucceeded',
  { runId: string; source: string; records: number; durationMs: number; intervalSeconds: number; cursor: string | null }
>;

export type SyncRunFailed = DomainEvent<
  'SyncRunFailed',
  { runId: string; source: string; error: string; durationMs: number; intervalSeconds: number }
>;

export type SyncRunEvent = SyncRunSucceeded | SyncRunFailed;
