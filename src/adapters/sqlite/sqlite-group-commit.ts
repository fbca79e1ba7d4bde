import type { Database, Transaction } from 'better-sqlite3';
import { AppError, UpstreamError } from '../../core/errors';
import { storeFailure } from './sqlite-faults';
import type { AppendResult } from '../../core/event-store.port';
import type { Clock } from '../../core/time';
import type { AppendRequest, SqliteAppender } from './sqlite-appender';
import type { WalSync } from './sqlite-wal-sync';

interface QueuedAppend {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** Diagnostics: how many appends were written in how many write transactions. */
export interface GroupCommitStats {
  readonly transactions: number;
  readonly appends: number;
}

/** Bounds one transaction so a flood of appends cannot hold the write lock indefinitely. */
const maxEventsPerTransaction = 20_000;

/**
 * Group commit: appends queued in the same turn of the event loop are written in ONE transaction,
 * each failing alone (appends of several events in their own savepoint). Promises settle only once the
 * commit is durable: synced by SQLite in the commit, or, with a `WalSync`, by a WAL flush off the
 * event loop, while the next group gathers and commits.
 */
export class GroupCommit {
  private queue: QueuedAppend[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private readonly writeBatch: Transaction<(batch: readonly QueuedAppend[], recordedAt: string) => Outcome[]>;
  private counts = { transactions: 0, appends: 0 };

  constructor(
    db: Database,
    appender: SqliteAppender,
    private readonly clock: Clock,
    private readonly onCommit: () => void,
    private readonly walSync: WalSync | null = null,
    /** Told each batch's fate: the failure that refused its writes (a full disk), or null once one commits. */
    private readonly onWriteFault: (fault: UpstreamError | null) => void = () => undefined,
  ) {
    const inSavepoint = db.transaction((request: AppendRequest, recordedAt: string) => appender.append(request, recordedAt));
    // One event is one INSERT, and a failed statement undoes itself: only longer appends need a savepoint (~12 µs each).
    const writeOne = (request: AppendRequest, recordedAt: string) =>
      request.events.length > 1 ? inSavepoint(request, recordedAt) : appender.append(request, recordedAt);
    this.writeBatch = db.transaction((batch: readonly QueuedAppend[], recordedAt: string) =>
      batch.map((queued): Outcome => {
        try {
          return { ok: true, result: writeOne(queued.request, recordedAt) };
        } catch (error) {
          // A driver failure that ended the transaction must fail the whole batch, not just this append.
          if (!(error instanceof AppError) && !db.inTransaction) throw error;
          return { ok: false, error: error instanceof AppError ? error : storeFailure('event_store', 'write_failed', 'The event store could not write an append', error) };
        }
      }),
    );
  }

  enqueue(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes everything queued now, synchronously; used by the scheduler and by `close()`. */
  flush(): void {
    if (this.scheduled !== null) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.queue.length > 0) this.writeNextBatch();
  }

  stats(): GroupCommitStats {
    return { ...this.counts };
  }

  private writeNextBatch(): void {
    const batch = this.takeBatch();
    let outcomes: Outcome[];
    try {
      outcomes = this.writeBatch.immediate(batch, this.clock().toISOString());
    } catch (cause) {
      const error = storeFailure('event_store', 'write_failed', 'The event store could not commit a batch of appends', cause);
      this.onWriteFault(error);
      for (const queued of batch) queued.reject(error);
      return;
    }
    const refused = outcomes.find((outcome) => !outcome.ok && outcome.error instanceof UpstreamError);
    this.onWriteFault(refused && !refused.ok ? (refused.error as UpstreamError) : null);
    this.counts.transactions++;
    this.counts.appends += batch.length;
    const settle = (syncError: Error | null) => {
      if (syncError) {
        const error = new UpstreamError('event_store.sync_failed', `The event store could not make a commit durable: ${syncError.message}`, {}, { cause: syncError });
        for (const queued of batch) queued.reject(error);
        return;
      }
      this.onCommit();
      outcomes.forEach((outcome, index) => (outcome.ok ? batch[index]!.resolve(outcome.result) : batch[index]!.reject(outcome.error)));
    };
    if (this.walSync) this.walSync.afterCommit(settle);
    else settle(null);
  }

  private takeBatch(): QueuedAppend[] {
    let events = 0;
    let size = 0;
    while (size < this.queue.length && (size === 0 || events + this.queue[size]!.request.events.length <= maxEventsPerTransaction)) {
      events += this.queue[size]!.request.events.length;
      size++;
    }
    return this.queue.splice(0, size);
  }
}
