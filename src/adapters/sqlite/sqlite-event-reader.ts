import type { Database, Statement } from 'better-sqlite3';
import { ValidationError } from '../../core/errors';
import type { ReadAllOptions, ReadStreamOptions } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { type EventPage, LogTail } from './sqlite-log-tail';
import { PagePlanner } from './sqlite-page-planner';
import { allPageQuery, eventColumns, type EventFilter, eventFilter, type EventRow, toRecordedEvent } from './sqlite-queries';

const lastRevision = 0x7fff_ffff_ffff_ffffn;
/** Newest events kept parsed for the readers near the head (subscriptions, projections following). */
const tailCapacity = 10_000;
const tailMaxBytes = 32 * 2 ** 20;

/**
 * Reads in pages: each page is one short read transaction, so a long read never holds a snapshot
 * that blocks WAL checkpoints, and memory stays bounded by the page size.
 */
export class SqliteEventReader {
  private readonly forwards: Statement<[string, bigint, number], EventRow>;
  private readonly backwards: Statement<[string, bigint, number], EventRow>;
  private readonly maxPosition: Statement<[], { head: bigint | null }>;
  private readonly oneById: Statement<[string], EventRow>;
  private readonly allPages = new Map<string, Statement<[Record<string, unknown>], EventRow>>();
  private readonly tail: LogTail;
  private readonly planner = new PagePlanner();

  constructor(
    private readonly db: Database,
    readonly pageSize: number,
  ) {
    const streamPage = (where: string, order: string) =>
      db
        .prepare<[string, bigint, number], EventRow>(`SELECT ${eventColumns} FROM events WHERE stream = ? AND ${where} ORDER BY revision ${order} LIMIT ?`)
        .safeIntegers(true)
        .raw(true);
    this.forwards = streamPage('revision >= ?', 'ASC');
    this.backwards = streamPage('revision <= ?', 'DESC');
    this.maxPosition = db.prepare<[], { head: bigint | null }>('SELECT MAX(position) AS head FROM events').safeIntegers(true);
    // `id` is UNIQUE in the schema: this is a look-up in that index.
    this.oneById = db.prepare<[string], EventRow>(`SELECT ${eventColumns} FROM events WHERE id = ?`).safeIntegers(true).raw(true);
    const after = db.prepare<[Record<string, unknown>], EventRow>(allPageQuery(eventFilter({})).sql).safeIntegers(true).raw(true);
    const sized = (row: EventRow) => ({ event: toRecordedEvent(row), bytes: row[5].length + row[6].length });
    const committedSince = commitWatch(db);
    this.tail = new LogTail((position, limit) => after.all({ after: position, limit }).map(sized), () => this.head(), committedSince, tailCapacity, tailMaxBytes);
  }

  head(): bigint | null {
    return this.maxPosition.get()!.head;
  }

  byId(id: string): RecordedEvent | null {
    const row = this.oneById.get(id);
    return row === undefined ? null : toRecordedEvent(row);
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = maxCountOf(options.maxCount);
    let from = options.fromRevision ?? (backwards ? lastRevision : 0n);
    while (remaining > 0 && from >= 0n) {
      const limit = Math.min(remaining, this.pageSize);
      const rows = (backwards ? this.backwards : this.forwards).all(stream, from, limit);
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      from = rows.at(-1)![3] + (backwards ? -1n : 1n);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const filter = eventFilter(options);
    let remaining = maxCountOf(options.maxCount);
    let after = options.after ?? 0n;
    while (remaining > 0) {
      const limit = Math.min(remaining, this.pageSize);
      const { events: page } = this.allPage(after, filter, limit);
      for (const event of page) yield event;
      if (page.length < limit) return;
      remaining -= page.length;
      after = page.at(-1)!.position;
    }
  }

  /** Up to `limit` events after `after` that pass `filter`, in position order. */
  allPage(after: bigint, filter: EventFilter, limit: number): EventPage {
    if (filter.matchesNothing) return { events: [], scannedThrough: after };
    const fromTail = this.tail.page(after, filter, limit);
    if (fromTail !== null) return fromTail;
    const { sql, key, parameters } = allPageQuery(filter, this.planner.plan(filter));
    let statement = this.allPages.get(key);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>], EventRow>(sql).safeIntegers(true).raw(true);
      this.allPages.set(key, statement);
    }
    const events = statement.all({ ...parameters, after, limit }).map(toRecordedEvent);
    this.planner.observe(filter, after, events, limit);
    return { events, scannedThrough: events.at(-1)?.position ?? after };
  }
}

function maxCountOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxCount) || maxCount < 0) {
    throw new ValidationError('read.invalid_max_count', `maxCount must be a non-negative integer, got ${maxCount}`, { maxCount });
  }
  return maxCount;
}

/**
 * Whether the file changed since the last call: `total_changes()` counts this connection's writes,
 * `data_version` moves when another connection commits. A write rolled back also counts: that only
 * costs a read that finds nothing.
 */
function commitWatch(db: Database): () => boolean {
  const probe = db.prepare<[], [number, number]>('SELECT total_changes(), data_version FROM pragma_data_version').raw(true);
  let last: readonly [number, number] | null = null;
  return () => {
    const [own, others] = probe.get()!;
    if (last !== null && last[0] === own && last[1] === others) return false;
    last = [own, others];
    return true;
  };
}
