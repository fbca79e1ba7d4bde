import { join } from 'node:path';
import { ownerOnlyDatabaseFile } from './adapters/sqlite/sqlite-file-mode';
import type { AppConfig } from './config';
import type { EventStore } from './core/event-store.port';
import type { ReadStore } from './core/read-store.port';

/**
 * Picks the event store from configuration. Each adapter's driver is loaded only when it is
 * chosen: the gRPC and MongoDB clients cost a CLI command on the embedded store a second to load.
 */
export async function openEventStore(config: AppConfig): Promise<{ store: EventStore; adapter: string }> {
  if (config.eventStoreUrl) {
    const { openEventStoreDb } = await import('./adapters/eventstoredb/eventstoredb-event-store');
    return { store: await openEventStoreDb({ connectionString: config.eventStoreUrl }), adapter: 'eventstoredb' };
  }
  const { openSqliteEventStore } = await import('./adapters/sqlite/sqlite-event-store');
  const path = join(config.dataDir, 'events.sqlite');
  ownerOnlyDatabaseFile(path);
  return { store: await openSqliteEventStore({ path, synchronous: config.sqliteSynchronous }), adapter: `sqlite:${path}` };
}

/** Picks the read store from configuration: MongoDB when MONGODB_URL is set, else SQLite in DATA_DIR. */
export async function openReadStore(config: AppConfig): Promise<ReadStore> {
  if (config.mongodbUrl) {
    const { openMongoReadStore } = await import('./adapters/mongodb/mongodb-read-store');
    return openMongoReadStore({ url: config.mongodbUrl });
  }
  const { openSqliteReadStore } = await import('./adapters/sqlite/sqlite-read-store');
  const path = join(config.dataDir, 'read-models.sqlite');
  ownerOnlyDatabaseFile(path);
  return openSqliteReadStore({ path });
}
