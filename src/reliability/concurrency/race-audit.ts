import { join } from 'node:path';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { collect } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels, type Snapshot } from '../support/read-model-snapshot';
import { keptProjections } from '../../projections';

/** The read models the servers keep: they run without workflows (`appEnv`). */
const kept = keptProjections({ enabled: false });

export interface StoredRace {
  readonly invoice: RecordedEvent[];
  readonly project: RecordedEvent[];
  readonly live: Snapshot;
  readonly diverging: string[];
}

/** What the race left in the files: both streams, the live read models and how they differ from a rebuild. */
export async function storedRace(dataDir: string, invoiceStream: string, projectStream: string): Promise<StoredRace> {
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  const reads = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
  try {
    const live = await snapshotReadModels(reads, kept);
    const invoice = await collect(store.readStream(invoiceStream));
    const project = await collect(store.readStream(projectStream));
    return { invoice, project, live, diverging: divergingDocuments(live, await rebuiltFromLog(store, kept)) };
  } finally {
    await reads.close();
    await store.close();
  }
}

/** Revisions 0, 1, 2… without a hole: no append overwrote or skipped another. */
export const contiguous = (events: readonly RecordedEvent[]) => events.every((event, index) => event.revision === BigInt(index));

export const dataOf = (events: readonly RecordedEvent[], type: string) => events.filter((event) => event.type === type).map((event) => event.data as Record<string, any>);
