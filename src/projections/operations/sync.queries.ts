import { parseInstant } from '../../core/time';
import { kpiResult, type KpiContext, type KpiResult } from '../shared/kpi';
import type { DataSourceDocument } from './data-sources.projection';

export type SyncHealth = 'ok' | 'failing' | 'stale';

export interface SourceSyncStatus {
  readonly status: SyncHealth;
  readonly intervalSeconds: number;
  readonly lastRunAt: string;
  readonly lastSuccessAt: string | null;
  readonly lastFailureAt: string | null;
  readonly lastFailureMessage: string | null;
  readonly consecutiveFailures: number;
  readonly recordsInLastRun: number | null;
}

/** Judged at `asOf` (the caller's "now"): the read model has no clock. */
export interface SyncStatusOptions {
  readonly asOf: string;
}

/**
 * A source is failing when its latest run failed; otherwise stale when it has had no success
 * within 2 × its interval before `asOf` (or never succeeded); otherwise ok. Failing wins over
 * stale because it carries the error to act on.
 */
export function healthOf(source: DataSourceDocument, asOf: Date): SyncHealth {
  if (source.lastRunOutcome === 'failed') return 'failing';
  const window = 2 * source.intervalSeconds * 1000;
  const fresh = source.lastSuccessAt !== null && asOf.getTime() - Date.parse(source.lastSuccessAt) <= window;
  return fresh ? 'ok' : 'stale';
}

/** syncStatus: per data source, its latest runs and its health at `options.asOf` (see `healthOf`). */
export async function syncStatus(context: KpiContext, options: SyncStatusOptions): Promise<KpiResult<Record<string, SourceSyncStatus>>> {
  const asOf = parseInstant(options.asOf, 'asOf');
  const { documents } = await context.reads.find<DataSourceDocument>('data_sources', { sort: [['_id', 1]] });
  const bySource: Record<string, SourceSyncStatus> = {};
  for (const source of documents) {
    const { intervalSeconds, lastRunAt, lastSuccessAt, lastFailureAt, lastFailureMessage, consecutiveFailures, recordsInLastRun } = source;
    const facts = { intervalSeconds, lastRunAt, lastSuccessAt, lastFailureAt, lastFailureMessage, consecutiveFailures, recordsInLastRun };
    bySource[source.source] = { status: healthOf(source, asOf), ...facts };
  }
  return kpiResult(context, ['data_sources'], documents, bySource);
}
