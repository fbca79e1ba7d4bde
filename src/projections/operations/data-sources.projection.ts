import type { SyncRunEvent } from '../../aggregates/operations/sync-run.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { RecordedOf } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';

/** The sync state of one data source, folded from its runs (each run finished at its `occurredAt`). */
export interface DataSourceDocument extends ReadDocument {
  readonly source: string;
  /** The schedule of the latest run. */
  readonly intervalSeconds: number;
  readonly lastRunAt: string;
  readonly lastRunOutcome: 'succeeded' | 'failed';
  readonly lastSuccessAt: string | null;
  readonly lastFailureAt: string | null;
  readonly lastFailureMessage: string | null;
  /** Failures since the latest success. */
  readonly consecutiveFailures: number;
  /** Records of the latest run; null when it failed. */
  readonly recordsInLastRun: number | null;
}

type Event = RecordedOf<SyncRunEvent>;

const later = (a: string | null, b: string) => a === null || b > a;

/** A run reported after a newer one only fills in older "last success/failure" facts. */
function lateRun(source: DataSourceDocument, event: Event, at: string): DataSourceDocument {
  if (event.type === 'SyncRunSucceeded') return later(source.lastSuccessAt, at) ? { ...source, lastSuccessAt: at } : source;
  return later(source.lastFailureAt, at) ? { ...source, lastFailureAt: at, lastFailureMessage: event.data.error } : source;
}

function latestRun(source: DataSourceDocument | null, event: Event, at: string, id: string): DataSourceDocument {
  const run = { _id: id, source: event.data.source, intervalSeconds: event.data.intervalSeconds, lastRunAt: at };
  if (event.type === 'SyncRunSucceeded') {
    const failure = { lastFailureAt: source?.lastFailureAt ?? null, lastFailureMessage: source?.lastFailureMessage ?? null };
    return { ...run, lastRunOutcome: 'succeeded', lastSuccessAt: at, ...failure, consecutiveFailures: 0, recordsInLastRun: event.data.records };
  }
  const consecutiveFailures = (source?.consecutiveFailures ?? 0) + 1;
  const failure = { lastFailureAt: at, lastFailureMessage: event.data.error, consecutiveFailures, recordsInLastRun: null };
  return { ...run, lastRunOutcome: 'failed', lastSuccessAt: source?.lastSuccessAt ?? null, ...failure };
}

export const dataSourcesProjection: Projection<DataSourceDocument> = {
  name: 'data_sources',
  version: 1,
  handles: ['SyncRunSucceeded', 'SyncRunFailed'],
  documentIds: (event) => [(event.data as { source: string }).source],
  evolve(source, recorded, id) {
    const event = recorded as Event;
    const at = occurredAt(event);
    return source && at < source.lastRunAt ? lateRun(source, event, at) : latestRun(source, event, at, id);
  },
};
