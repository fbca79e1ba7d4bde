import { join } from 'node:path';
import { ownerOnlyDatabaseFile } from './adapters/sqlite/sqlite-file-mode';
import type { AppConfig } from './config';
import type { Clock } from './core/time';
import type { EventStore } from './core/event-store.port';
import type { LeaseStore } from './core/lease.port';
import type { ReadStore } from './core/read-store.port';
import { UpstreamError } from './core/errors';
import { logger } from './logging/logger';

const mebibytes = (config: AppConfig) => (config.sqliteMaxFileMb === null ? undefined : config.sqliteMaxFileMb * 2 ** 20);

/**
 * Picks the event store from configuration. Each adapter's driver is loaded only when it is
 * chosen: the gRPC and MongoDB clients cost a CLI command on the embedded store a second to load.
 * `recordingClock` stamps `recordedAt` in the embedded store (the demo seed records its history as
 * it happened); EventStoreDB stamps its own time.
 */
export async function openEventStore(config: AppConfig, options: { recordingClock?: Clock } = {}): Promise<{ store: EventStore; adapter: string }> {
  if (config.eventStoreUrl) {
    const { openEventStoreDb } = await import('./adapters/eventstoredb/eventstoredb-event-store');
    return { store: await openEventStoreDb({ connectionString: config.eventStoreUrl }), adapter: 'eventstoredb' };
  }
  const { openSqliteEventStore } = await import('./adapters/sqlite/sqlite-event-store');
  const path = join(config.dataDir, 'events.sqlite');
  ownerOnlyDatabaseFile(path);
  // A fleet on one DATA_DIR: commits are announced to the other processes (see SqliteChangeSignal).
  const changeSignal = config.fleet.processors !== null;
  const store = await openSqliteEventStore({ path, synchronous: config.sqliteSynchronous, maxFileBytes: mebibytes(config), clock: options.recordingClock, changeSignal });
  return { store, adapter: `sqlite:${path}` };
}

export interface OpenedReadStore {
  readonly readStore: ReadStore;
  /** Why the read models were found damaged and started afresh (they refill from the log), or null. */
  readonly reset: string | null;
}

/**
 * Picks the read store from configuration: MongoDB when MONGODB_URL is set, else SQLite in
 * DATA_DIR. A SQLite read-model file that is malformed or unreadable is set aside (`.corrupt`) and
 * replaced by an empty one: read models are disposable, the projections refill it from the log.
 */
export async function openReadStore(config: AppConfig, { repair }: { readonly repair: boolean }): Promise<OpenedReadStore> {
  if (config.mongodbUrl) {
    const { openMongoReadStore } = await import('./adapters/mongodb/mongodb-read-store');
    return { readStore: await openMongoReadStore({ url: config.mongodbUrl }), reset: null };
  }
  const { openSqliteReadStore } = await import('./adapters/sqlite/sqlite-read-store');
  const { readModelFileProblem, setReadModelFileAside } = await import('./adapters/sqlite/sqlite-read-file');
  const path = join(config.dataDir, 'read-models.sqlite');
  const problem = readModelFileProblem(path);
  if (problem !== null && !repair) {
    throw new UpstreamError('read_store.corrupt', `The read-model file ${path} is ${problem}; start the server (zixly serve) to set it aside and rebuild the read models from the log`, { path });
  }
  if (problem !== null) {
    const aside = setReadModelFileAside(path);
    logger.error({ component: 'read-store', path, aside, problem }, `read-model file ${path} is ${problem}: set aside as ${aside}; the read models are rebuilt from the log`);
  }
  // After a damaged file was set aside: the fresh one is created owner-only too.
  ownerOnlyDatabaseFile(path);
  return { readStore: await openSqliteReadStore({ path, maxFileBytes: mebibytes(config) }), reset: problem };
}

/** Leases live beside the read models, whose checkpoints their fencing tokens guard. */
export async function openLeaseStore(config: AppConfig): Promise<LeaseStore> {
  if (config.mongodbUrl) {
    const { openMongoLeaseStore } = await import('./adapters/mongodb/mongodb-lease-store');
    return openMongoLeaseStore({ url: config.mongodbUrl });
  }
  const { openSqliteLeaseStore } = await import('./adapters/sqlite/sqlite-lease-store');
  return openSqliteLeaseStore({ path: join(config.dataDir, 'leases.sqlite') });
}
