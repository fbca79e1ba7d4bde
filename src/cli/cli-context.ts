import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openEventStore, openReadStore } from '../app-stores';
import { type AppConfig, loadConfig, readDotEnv } from '../config';
import type { EventStore } from '../core/event-store.port';
import type { ReadStore } from '../core/read-store.port';
import type { Clock } from '../core/time';
import { configureLogger } from '../logging/logger';
import type { CliIo } from './cli-command';

/** The same settings as the server: the environment, then `.env` in the working directory. */
export function loadCliConfig(io: CliIo): AppConfig {
  const config = loadConfig(readDotEnv(join(process.cwd(), '.env'), io.env));
  // stdout may carry data (an export): log lines go to stderr.
  configureLogger({ level: config.ops.logLevel, output: 'stderr' });
  return config;
}

export interface CliEventStore {
  readonly config: AppConfig;
  readonly eventStore: EventStore;
  /** Which event store: `sqlite:<path>` or `eventstoredb`. */
  readonly adapter: string;
}

export interface CliStores extends CliEventStore {
  readonly readStore: ReadStore;
}

export interface EventStoreOptions {
  /**
   * Bulk loads (seed, import) that are simply run again after a crash need not wait for the disk
   * on every commit: SQLite's NORMAL still survives a killed process and is several times faster.
   */
  readonly bulkLoad?: boolean;
  /** What stamps `recordedAt` (embedded store only); the system clock unless given. */
  readonly recordingClock?: Clock;
}

/** Opens the event store the server would use, runs `work` and closes it whatever happens. */
export async function withEventStore<T>(io: CliIo, work: (stores: CliEventStore) => Promise<T>, options: EventStoreOptions = {}): Promise<T> {
  const config = loadCliConfig(io);
  const { store, adapter } = await openEventStore(options.bulkLoad ? { ...config, sqliteSynchronous: 'NORMAL' } : config, { recordingClock: options.recordingClock });
  try {
    return await work({ config, eventStore: store, adapter });
  } finally {
    await store.close();
  }
}

/** Opens both stores the server would use, runs `work` and closes them whatever happens. */
export async function withStores<T>(io: CliIo, work: (stores: CliStores) => Promise<T>): Promise<T> {
  return withEventStore(io, async (opened) => {
    const { readStore } = await openReadStore(opened.config, { repair: false });
    try {
      return await work({ ...opened, readStore });
    } finally {
      await readStore.close();
    }
  });
}

/** Who did it, as events record it: `cli:<os user>`, one correlation id per invocation. */
export function cliActor(): { actor: string; correlationId: string } {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the actor stays anonymous.
  }
  return { actor: `cli:${user}`, correlationId: randomUUID() };
}
