import { SqliteChangeSignal } from './sqlite-change-signal';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';
import { describeDamage, EventDamageLog } from '../../core/event-damage';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  IntegrityReport,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  WriteFault,
} from '../../core/event-store.port';
import { logger } from '../../logging/logger';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../core/messages';
import { type Clock, systemClock } from '../../core/time';
import { validateAppend } from '../../core/append-rules';
import { SqliteAppender } from './sqlite-appender';
import { SqliteEventReader } from './sqlite-event-reader';
import { GroupCommit, type GroupCommitStats } from './sqlite-group-commit';
import { storeFailure } from './sqlite-faults';
import { checkSqliteIntegrity } from './sqlite-integrity';
import { eventFilter } from './sqlite-queries';
import { capFileSize, configureConnection, migrate } from './sqlite-schema';
import { CommitSignal, SqliteSubscription } from './sqlite-subscription';
import { WalSync } from './sqlite-wal-sync';

/**
 * Durable against power loss. The flush runs off the event loop (see `WalSync`), so the safer
 * setting costs an acknowledgement some latency, not the event loop's time.
 */
export const defaultSqliteSynchronous = 'FULL';

export interface SqliteEventStoreOptions {
  /** File of the store (its directory is created), or `':memory:'` for tests. */
  readonly path: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss (the WAL is flushed before it is
   * acknowledged). `NORMAL`: in WAL mode it survives a killed process but the last commits may be
   * lost on power loss; acknowledged sooner.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** How often subscriptions look for appends made by other processes on the same file (ms, default 250). */
  readonly pollIntervalMs?: number;
  /**
   * Several processes on this file: each commit is announced through `<path>-signal` (see
   * `SqliteChangeSignal`), so the other processes' subscriptions learn of it at once instead of
   * at their next poll. Off by default: one process needs no announcement.
   */
  readonly changeSignal?: boolean;
  /** How long a write waits for another process's write lock before failing (ms, default 5,000). */
  readonly busyTimeoutMs?: number;
  /** Events per query when reading (default 2,000). */
  readonly pageSize?: number;
  /** Stamps `metadata.recordedAt`. */
  readonly clock?: Clock;
  /** A size cap for the file: appends that need more are refused as on a full disk (`event_store.disk_full`). */
  readonly maxFileBytes?: number;
  /**
   * How long `writeFault()` keeps reporting a failed commit with no write since (ms, default 5,000):
   * then it reports none, so a load balancer sends writes again and the next one tells. Without
   * it, a store that stopped receiving writes because it reported a full disk would never learn
   * that space came back.
   */
  readonly writeFaultHoldMs?: number;
}

/**
 * The embedded event store, plus diagnostics for tests and benchmarks. Beyond the port's contract:
 * - an append with no events checks `expected` and returns the stream's current head; on a stream
 *   that does not exist there is no head to return, so it throws `ValidationError`
 *   `stream.empty_append`;
 * - event ids are unique in the whole store: an id stored anywhere else than where an idempotent
 *   retry would put it throws `ValidationError` `event.duplicate_id` (or `ConcurrencyError` when
 *   the stream is not at the expected revision either);
 * - `types: []` or `categories: []` in a read or subscription matches nothing.
 */
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
  const durable = (options.synchronous ?? defaultSqliteSynchronous) === 'FULL' && options.path !== ':memory:';
  // FULL durability without an fsync on the event loop: commits run NORMAL and the WAL is flushed off it.
  const db = openDatabase({ ...options, synchronous: durable ? 'NORMAL' : options.synchronous });
  return new SqliteEventStoreAdapter(db, options, durable ? new WalSync(`${options.path}-wal`) : null);
}

class SqliteEventStoreAdapter implements SqliteEventStore {
  readonly damage = new EventDamageLog();
  private readonly reader: SqliteEventReader;
  private fault: WriteFault | null = null;
  private faultSeenAt = 0;
  private readonly signal = new CommitSignal();
  private readonly groupCommit: GroupCommit;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly changeSignal: SqliteChangeSignal | null;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
    private readonly walSync: WalSync | null,
  ) {
    this.reader = new SqliteEventReader(db, options.pageSize ?? 2_000, this.damage);
    this.damage.onDamage((damage) => logger.error({ component: 'event-store', damagedEvent: damage }, `damaged event skipped: ${describeDamage(damage)}`));
    const clock = options.clock ?? systemClock;
    const announces = options.changeSignal === true && options.path !== ':memory:';
    this.changeSignal = announces ? new SqliteChangeSignal(`${options.path}-signal`, () => this.signal.notify()) : null;
    const committed = () => {
      this.signal.notify();
      this.changeSignal?.announce();
    };
    const onWriteFault = (error: UpstreamError | null) => {
      if (error === null) {
        if (this.fault) logger.info({ component: 'event-store', after: this.fault.code }, 'the event store accepts writes again');
        this.fault = null;
        return;
      }
      if (!this.fault) logger.error({ component: 'event-store', code: error.code, err: error.cause ?? error }, `event store writes refused: ${error.message}`);
      this.fault = { code: error.code, message: error.message, since: this.fault?.since ?? clock().toISOString() };
      this.faultSeenAt = clock().getTime();
    };
    this.groupCommit = new GroupCommit(db, new SqliteAppender(db), clock, committed, walSync, onWriteFault);
  }

  writeFault(): WriteFault | null {
    const clock = this.options.clock ?? systemClock;
    if (this.fault && clock().getTime() - this.faultSeenAt > (this.options.writeFaultHoldMs ?? 5_000)) return null;
    return this.fault;
  }

  checkIntegrity(onProgress?: (checked: number) => void): Promise<IntegrityReport> {
    this.assertOpen();
    return this.guardRead(() => checkSqliteIntegrity(this.db, this.damage, () => !this.closed, onProgress));
  }

  /** A read the file cannot answer (malformed, unreadable) fails naming the cause, not as a bare driver error. */
  private async guardRead<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw storeFailure('event_store', 'read_failed', 'The event store could not be read', error);
    }
  }

  async append<E extends DomainEvent>(stream: string, events: readonly NewEvent<E>[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    return this.groupCommit.enqueue({ stream, events, expected });
  }

  readStream<E extends DomainEvent>(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>> {
    this.assertOpen();
    return this.reader.readStream(stream, options) as AsyncIterable<RecordedEvent<E>>;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return this.reader.readAll(options);
  }

  async readEvent(id: string): Promise<RecordedEvent | null> {
    this.assertOpen();
    return this.reader.byId(id);
  }

  async headPosition(): Promise<bigint | null> {
    this.assertOpen();
    return this.guardRead(async () => this.reader.head());
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const after = options.after === 'end' ? (this.reader.head() ?? 0n) : (options.after ?? 0n);
    const onClose = (subscription: SqliteSubscription) => this.subscriptions.delete(subscription);
    const pollIntervalMs = this.options.pollIntervalMs ?? 250;
    const subscription = new SqliteSubscription(this.reader, this.signal, after, eventFilter(options), pollIntervalMs, onClose);
    this.subscriptions.add(subscription);
    return subscription;
  }

  stats(): GroupCommitStats {
    return this.groupCommit.stats();
  }

  /** Writes the appends still queued and waits until they are durable, ends the subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.groupCommit.flush();
    this.closed = true;
    if (this.walSync) await new Promise<void>((resolve) => this.walSync!.afterCommit(() => resolve()));
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.changeSignal?.close();
    this.db.close();
    this.walSync?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new UpstreamError('event_store.closed', 'The event store is closed');
  }
}

function openDatabase(options: SqliteEventStoreOptions): Database.Database {
  const { path, synchronous = defaultSqliteSynchronous, busyTimeoutMs = 5_000 } = options;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    configureConnection(db, synchronous, busyTimeoutMs);
    migrate(db);
    capFileSize(db, options.maxFileBytes);
    return db;
  } catch (error) {
    db.close();
    // The log cannot be rebuilt from anything: name the file and the cause, and refuse to start.
    if (error instanceof Database.SqliteError) throw storeFailure('event_store', 'cannot_open', `Cannot open the event store at ${path}`, error);
    throw error;
  }
}
