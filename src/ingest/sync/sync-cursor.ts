import type { SyncRunSucceeded } from '../../aggregates/operations/sync-run.events';
import type { EventStore } from '../../core/event-store.port';

/**
 * The cursor of the source's last successful run, read back from the event log on start, so a job
 * resumes where it stopped after a crash or a restart. Runs have a stream each, so this scans the
 * successes (type- and category-filtered by the store) once per start; a job then keeps its cursor
 * in memory.
 */
export async function lastSyncCursor(store: EventStore, source: string): Promise<string | null> {
  let cursor: string | null = null;
  for await (const event of store.readAll({ types: ['SyncRunSucceeded'], categories: ['SyncRun'] })) {
    const data = event.data as SyncRunSucceeded['data'];
    if (data.source === source) cursor = data.cursor;
  }
  return cursor;
}
