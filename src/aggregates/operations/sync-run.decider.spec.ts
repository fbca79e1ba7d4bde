import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { SyncRunCommand } from './sync-run.commands';
import { syncRunDecider, syncRunStream } from './sync-run.decider';
import type { SyncRunEvent } from './sync-run.events';

const spec = deciderSpec(syncRunDecider);
const at = '2026-03-02T00:05:00.000Z';
const run = { source: 'xero', runId: 'run-1', durationMs: 1_250, intervalSeconds: 300 };

const succeed = (data: Partial<Extract<SyncRunCommand, { type: 'RecordSyncSuccess' }>['data']> = {}): SyncRunCommand => ({
  type: 'RecordSyncSuccess',
  occurredAt: at,
  data: { ...run, records: 42, cursor: 'c-42', ...data },
});
const succeeded: SyncRunEvent = { type: 'SyncRunSucceeded', data: { ...run, records: 42, cursor: 'c-42' } };
const failCommand: SyncRunCommand = { type: 'RecordSyncFailure', occurredAt: at, data: { ...run, error: '401 token expired' } };
const failed: SyncRunEvent = { type: 'SyncRunFailed', data: { ...run, error: '401 token expired' } };

describe('sync run decider', () => {
  it('records a successful run with its records, interval and cursor', () => spec.given([]).when(succeed()).then([succeeded]));

  it('records a run without a cursor as null', () =>
    spec.given([]).when(succeed({ cursor: undefined })).then([{ type: 'SyncRunSucceeded', data: { ...run, records: 42, cursor: null } }]));

  it('records a failed run with its error message', () => spec.given([]).when(failCommand).then([failed]));

  it('treats the same run reported twice as a no-op', () => {
    spec.given([succeeded]).when(succeed()).thenNothingHappens();
    spec.given([failed]).when(failCommand).thenNothingHappens();
  });

  it('rejects a run reported with the other outcome', () => spec.given([failed]).when(succeed()).thenRejects('sync_run.already_recorded'));

  it('rejects a source that is not a lower-case slug', () => spec.given([]).when(succeed({ source: 'Xero:prod' })).thenRejects('sync_run.invalid_source'));

  it('rejects a negative record count', () => spec.given([]).when(succeed({ records: -1 })).thenRejects('sync_run.invalid_records'));

  it('rejects a missing sync interval, which stale detection needs', () =>
    spec.given([]).when(succeed({ intervalSeconds: 0 })).thenRejects('sync_run.invalid_interval'));

  it('rejects a failure without a message', () =>
    spec.given([]).when({ ...failCommand, data: { ...failCommand.data, error: ' ' } } as SyncRunCommand).thenRejects('input.required'));

  it('keeps each run of a source on its own stream', () => expect(syncRunStream('xero', 'run-1')).toBe('SyncRun-xero:run-1'));
});
