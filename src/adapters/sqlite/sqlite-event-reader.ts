import type { Database, Statement } from 'better-sqlite3';
import { ValidationError } from '../../core/errors';
import type { EventDamageLog } from '../../core/event-damage';
import type { ReadAllOptions, ReadStreamOptions } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { type EventPage, LogTail } from './sqlite-log-tail';
import { PagePlanner } from './sqlite-page-planner';
import { allPageQuery, decodeEventRow, eventColumns, type EventFilter, eventFilter, type EventRow } from './sqlite-queries';

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
    private readonly damage: EventDamageLog,
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
    const committedSince = commitWatch(db);
    const readAfter = (position: bigint, limit: number) => {
      const rows = after.all({ after: position, limit });
      const events = this.decode(rows).map((event, index) => ({ event, bytes: rowBytes(rows[index]!) }));
      return { events, rows: rows.length, scannedThrough: rows.at(-1)?.[0] ?? null };
    };
    this.tail = new LogTail(readAfter, () => this.head(), committedSince, tailCapacity, tailMaxBytes);
  }

  head(): bigint | null {
    return this.maxPosition.get()!.head;
  }

  byId(id: string): RecordedEvent | null {
    const row = this.oneById.get(id);
    // A damaged event is recorded in the damage log and read as absent, as every read does.
    return row === undefined ? null : (this.decode([row])[0] ?? null);
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = maxCountOf(options.maxCount);
    let from = options.fromRevision ?? (backwards ? lastRevision : 0n);
    while (remaining > 0 && from >= 0n) {
      const limit = Math.min(remaining, this.pageSize);
      const rows = (backwards ? this.backwards : this.forwards).all(stream, from, limit);
      for (const event of this.decode(rows)) yield event;
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
      const { events: page, scannedThrough, complete } = this.allPage(after, filter, limit);
      for (const event of page) yield event;
      if (complete) return;
      remaining -= page.length;
      after = scannedThrough;
    }
  }

  /** Up to `limit` events after `after` that pass `filter`, in position order. */
  allPage(after: bigint, filter: EventFilter, limit: number): EventPage {
    if (filter.matchesNothing) return { events: [], scannedThrough: after, complete: true };
    const fromTail = this.tail.page(after, filter, limit);
    if (fromTail !== null) return fromTail;
    const { sql, key, parameters } = allPageQuery(filter, this.planner.plan(filter));
    let statement = this.allPages.get(key);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>], EventRow>(sql).safeIntegers(true).raw(true);
      this.allPages.set(key, statement);
    }
    const rows = statement.all({ ...parameters, after, limit });
    const events = this.decode(rows);
    this.planner.observe(filter, after, events, limit);
    return { events, scannedThrough: rows.at(-1)?.[0] ?? after, complete: rows.length < limit };
  }

  /** The rows' events; a damaged row is recorded and left out, so the rows after it are still read. */
  decode(rows: readonly EventRow[]): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (this.damage.isDamaged(row[0])) continue;
      const decoded = decodeEventRow(row, this.damage.verifiedThrough);
      if (decoded.event) events.push(decoded.event);
      else this.damage.record(decoded.damage);
    }
    return events;
  }
}

/** What a row's JSON weighs in the tail's memory (a malformed row weighs nothing: it is not kept). */
const rowBytes = (row: EventRow) => (typeof row[5] === 'string' ? row[5].length : 0) + (typeof row[6] === 'string' ? row[6].length : 0);

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
