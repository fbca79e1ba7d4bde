import type { Subscription } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { SqliteEventReader } from './sqlite-event-reader';
import type { EventFilter } from './sqlite-queries';

/** Tells waiting subscriptions that this process committed appends. */
export class CommitSignal {
  /** Bumped on every commit, so a reader can tell whether one happened since it last looked. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  notify(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * A catch-up subscription that pages through `readAll` from its checkpoint, then waits for a
 * commit in this process or for the poll interval (which is how appends by other processes on the
 * same file are seen) and pages again.
 *
 * No gap, no duplicate: SQLite has one writer at a time and assigns positions inside the write
 * transaction, so once a reader sees position N, every position below N is already committed and
 * visible; reading `position > checkpoint` therefore never skips or repeats an event.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly reader: SqliteEventReader,
    private readonly signal: CommitSignal,
    private readonly start: bigint,
    private readonly filter: EventFilter,
    private readonly pollIntervalMs: number,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    let checkpoint = this.start;
    while (!this.closed) {
      const seen = this.signal.version;
      const { events, scannedThrough, complete } = this.reader.allPage(checkpoint, this.filter, this.reader.pageSize);
      for (const event of events) {
        if (this.closed) return;
        yield event;
        checkpoint = event.position;
      }
      if (scannedThrough > checkpoint) checkpoint = scannedThrough;
      if (complete) await this.waitForCommit(seen);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of [...this.wakers]) wake();
    this.onClose(this);
  }

  private waitForCommit(seenVersion: number): Promise<void> {
    if (this.closed || this.signal.version !== seenVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        unlisten();
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      const unlisten = this.signal.listen(wake);
      this.wakers.add(wake);
    });
  }
}
