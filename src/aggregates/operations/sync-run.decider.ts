import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureNonEmpty } from '../shared/rules';
import type { RecordSyncFailure, RecordSyncSuccess, SyncRunCommand } from './sync-run.commands';
import type { SyncRunEvent } from './sync-run.events';

export type SyncRunState = { status: 'none' } | { status: 'succeeded' | 'failed' };

const sourcePattern = /^[a-z][a-z0-9_]*$/;

/**
 * A stream per run keeps streams short (a source syncing every 5 minutes runs 100 000 times a
 * year) and makes a repeated report of the same run land on the stream that already holds it.
 */
export const syncRunStream = (source: string, runId: string) => streamName('SyncRun', `${source}:${runId}`);

export const syncRunDecider: Decider<SyncRunCommand, SyncRunEvent, SyncRunState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordSyncSuccess':
        return recordSuccess(command, state);
      case 'RecordSyncFailure':
        return recordFailure(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SyncRunSucceeded':
        return { status: 'succeeded' };
      case 'SyncRunFailed':
        return { status: 'failed' };
      default:
        return state;
    }
  },
};

/** The same outcome again is a repeated report; the other outcome contradicts the first. */
function alreadyRecorded(state: SyncRunState, outcome: 'succeeded' | 'failed', runId: string): boolean {
  if (state.status === 'none') return false;
  ensure(state.status === outcome, 'sync_run.already_recorded', `Sync run ${runId} was already recorded as ${state.status}`, { outcome: state.status });
  return true;
}

function ensureRun(data: { source: string; runId: string; durationMs: number; intervalSeconds: number }): void {
  ensure(sourcePattern.test(data.source), 'sync_run.invalid_source', `A data source is a lower-case slug such as "xero", got "${data.source}"`);
  ensureNonEmpty(data.runId, 'runId');
  ensure(Number.isSafeInteger(data.durationMs) && data.durationMs >= 0, 'sync_run.invalid_duration', `durationMs must be a whole number ≥ 0, got ${data.durationMs}`);
  ensure(Number.isSafeInteger(data.intervalSeconds) && data.intervalSeconds > 0, 'sync_run.invalid_interval', `intervalSeconds must be a whole number > 0, got ${data.intervalSeconds}`);
}

function recordSuccess({ data }: RecordSyncSuccess, state: SyncRunState): SyncRunEvent[] {
  if (alreadyRecorded(state, 'succeeded', data.runId)) return [];
  ensureRun(data);
  ensure(Number.isSafeInteger(data.records) && data.records >= 0, 'sync_run.invalid_records', `records must be a whole number ≥ 0, got ${data.records}`);
  const { runId, source, records, durationMs, intervalSeconds } = data;
  return [{ type: 'SyncRunSucceeded', data: { runId, source, records, durationMs, intervalSeconds, cursor: data.cursor ?? null } }];
}

function recordFailure({ data }: RecordSyncFailure, state: SyncRunState): SyncRunEvent[] {
  if (alreadyRecorded(state, 'failed', data.runId)) return [];
  ensureRun(data);
  ensureNonEmpty(data.error, 'error');
  const { runId, source, error, durationMs, intervalSeconds } = data;
  return [{ type: 'SyncRunFailed', data: { runId, source, error, durationMs, intervalSeconds } }];
}
