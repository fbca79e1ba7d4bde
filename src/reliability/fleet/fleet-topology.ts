import { join } from 'node:path';
import { openEventStoreDb } from '../../adapters/eventstoredb/eventstoredb-event-store';
import { openMongoLeaseStore } from '../../adapters/mongodb/mongodb-lease-store';
import { openMongoReadStore } from '../../adapters/mongodb/mongodb-read-store';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteLeaseStore } from '../../adapters/sqlite/sqlite-lease-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import type { EventStore } from '../../core/event-store.port';
import type { LeaseStore } from '../../core/lease.port';
import type { ReadStore } from '../../core/read-store.port';
import { type EventStoreDbDoubleProcess, spawnEventStoreDbDouble } from '../../testing/eventstoredb-double-process';
import { mongoTestServer, mongoTestUrl } from '../../testing/mongodb-test-database';

/** Where a fleet keeps its data, and how a test opens the same stores from outside. */
export interface FleetStores {
  readonly name: string;
  /** Store settings of every process of the fleet. */
  readonly env: Record<string, string>;
  events(): Promise<EventStore>;
  reads(): Promise<ReadStore>;
  leases(): Promise<LeaseStore>;
  close(): Promise<void>;
}

/** Processes sharing one DATA_DIR: SQLite events, read models and leases. */
export function sharedSqliteStores(dataDir: string): FleetStores {
  return {
    name: 'shared SQLite',
    // Empty values unset what the test runner's own environment may hold (AppProcess inherits it).
    env: { EVENTSTORE_URL: '', MONGODB_URL: '' },
    events: () => openSqliteEventStore({ path: join(dataDir, 'events.sqlite') }),
    reads: () => openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') }),
    leases: () => openSqliteLeaseStore({ path: join(dataDir, 'leases.sqlite') }),
    close: async () => undefined,
  };
}

/** The EventStoreDB double in a process of its own and MongoDB (FerretDB in CI); null without MONGODB_URL. */
export async function productionStores(): Promise<FleetStores | null> {
  if (!mongoTestServer) return null;
  const double: EventStoreDbDoubleProcess = await spawnEventStoreDbDouble();
  const url = mongoTestUrl('zixly_fleet');
  return {
    name: 'EventStoreDB double + MongoDB',
    env: { EVENTSTORE_URL: double.connectionString, MONGODB_URL: url },
    events: () => openEventStoreDb({ connectionString: double.connectionString }),
    reads: () => openMongoReadStore({ url }),
    leases: () => openMongoLeaseStore({ url }),
    close: () => double.stop(),
  };
}

/** Pids of the holders of the leases that have not expired, by lease name. */
export async function leaseHolders(stores: FleetStores): Promise<Map<string, number>> {
  const leases = await stores.leases();
  try {
    const now = Date.now();
    return new Map((await leases.list()).filter((grant) => grant.expiresAt >= now).map((grant) => [grant.name, Number(grant.holder.split(':')[1])]));
  } finally {
    await leases.close();
  }
}
