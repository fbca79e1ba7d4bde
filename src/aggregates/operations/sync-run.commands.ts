import type { Command } from '../../core/messages';

/** `occurredAt` is when the run finished; `runId` comes from the sync runner: recording it twice is a no-op. */
export type RecordSyncSuccess = Command<
  'RecordSyncSuccess',
  { source: string; runId: string; records: number; durationMs: number; intervalSeconds: number; cursor?: string | null }
>;

export type RecordSyncFailure = Command<
  'RecordSyncFailure',
  { source: string; runId: string; error: string; durationMs: number; intervalSeconds: number }
>;

export type SyncRunCommand = RecordSyncSuccess | RecordSyncFailure;
