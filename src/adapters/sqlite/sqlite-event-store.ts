import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../core/event-store.port';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../core/messages';
import { type Clock, systemClock } from '../../core/time';
import { validateAppend } from './sqlite-append-validation';
import { SqliteAppender } from './sqlite-appender';
import { SqliteEventReader } from './sqlite-event-reader';
import { GroupCommit, type GroupCommitStats } from './sqlite-group-commit';
import { eventFilter } from './sqlite-queries';
import { configureConnection, migrate } from './sqlite-schema';
import { CommitSignal, SqliteSubscription } from './sqlite-subscription';

/** Durable against power loss; benchmarks measure this setting unless told otherwise. */
export const defaultSqliteSynchronous = 'FULL';

export interface SqliteEventStoreOptions {
  /** File of the store (its directory is created), or `':memory:'` for tests. */
  readonly path: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss. `NORMAL`: in WAL mode it survives
   * a killed process but the last commits may be lost on power loss; faster for single appends.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** How often subscriptions look for appends made by other processes on the same file. */
  readonly pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
  /** Events per query when reading. */
  readonly pageSize?: number;
  /** Stamps `metadata.recordedAt`. */
  readonly clock?: Clock;
}

/** The embedded event store, plus diagnostics for tests and benchmarks. */
export interface SqliteEventStore extends EventStore {
  /** How many appends were written in how many transactions since the store was opened. */
  stats(): GroupCommitStats;
}

/**
 * Opens (creating and migrating if needed) an event store on one SQLite file in WAL mode.
 * Concurrent appends are group-committed; several processes may share the file (writes are
 * serialised by SQLite's lock, subscriptions poll for the other processes' appends).
 */
export async function openSqliteEventStore(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
  const db = openDatabase(options);
  const reader = new SqliteEventReader(db, options.pageSize ?? 2_000);
  const signal = new CommitSignal();
  const groupCommit = new GroupCommit(db, new SqliteAppender(db), options.clock ?? systemClock, () => signal.notify());
  const subscriptions = new Set<SqliteSubscription>();
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new UpstreamError('event_store.closed', 'The event store is closed');
  };

  return {
    async append<E extends DomainEvent>(stream: string, events: readonly NewEvent<E>[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
      assertOpen();
      validateAppend(stream, events, expected);
      return groupCommit.enqueue({ stream, events, expected });
    },
    readStream<E extends DomainEvent>(stream: string, readOptions?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>> {
      assertOpen();
      return reader.readStream(stream, readOptions) as AsyncIterable<RecordedEvent<E>>;
    },
    readAll(readOptions?: ReadAllOptions): AsyncIterable<RecordedEvent> {
      assertOpen();
      return reader.readAll(readOptions);
    },
    async headPosition(): Promise<bigint | null> {
      assertOpen();
      return reader.head();
    },
    subscribe(subscribeOptions: SubscribeOptions = {}): Subscription {
      assertOpen();
      const after = subscribeOptions.after === 'end' ? (reader.head() ?? 0n) : (subscribeOptions.after ?? 0n);
      const onClose = (subscription: SqliteSubscription) => subscriptions.delete(subscription);
      const subscription = new SqliteSubscription(reader, signal, after, eventFilter(subscribeOptions), pollIntervalMs, onClose);
      subscriptions.add(subscription);
      return subscription;
    },
    stats: () => groupCommit.stats(),
    async close(): Promise<void> {
      if (closed) return;
      groupCommit.flush();
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      db.close();
    },
  };
}

function openDatabase({ path, synchronous = defaultSqliteSynchronous, busyTimeoutMs = 5_000 }: SqliteEventStoreOptions): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configureConnection(db, synchronous, busyTimeoutMs);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
