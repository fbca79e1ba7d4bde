import type { Database, Statement } from 'better-sqlite3';
import { ValidationError } from '../../core/errors';
import type { AppendResult, ExpectedRevision } from '../../core/event-store.port';
import type { NewEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';
import { assertExpectedRevision, duplicateIdError } from '../../core/append-rules';
import { eventChecksum } from '../../core/event-damage';

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

interface StreamHead {
  readonly revision: bigint;
  readonly position: bigint;
}

interface StoredId {
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Writes one append. Runs inside the write transaction of a batch, so the stream head it reads
 * cannot move before its rows are inserted. Everything before the first INSERT only reads.
 */
export class SqliteAppender {
  private readonly insertEvent: Statement;
  private readonly selectHead: Statement<[string], StreamHead>;
  private readonly selectById: Statement<[string], StoredId>;
  private readonly selectIdsFrom: Statement<[string, bigint, number], { id: string; position: bigint }>;

  constructor(db: Database) {
    this.insertEvent = db
      .prepare('INSERT INTO events (id, stream, revision, type, category, data, metadata, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .safeIntegers(true);
    this.selectHead = db
      .prepare<[string], StreamHead>('SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true);
    this.selectById = db.prepare<[string], StoredId>('SELECT stream, revision, position FROM events WHERE id = ?').safeIntegers(true);
    this.selectIdsFrom = db
      .prepare<[string, bigint, number], { id: string; position: bigint }>(
        'SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      )
      .safeIntegers(true);
  }

  /**
   * Appends `request.events`, or recognises them as already stored (a retry) and returns the
   * original result. Throws `ConcurrencyError` or `ValidationError`; when an INSERT after the
   * first fails, the caller's savepoint must undo the rows written before it.
   */
  append(request: AppendRequest, recordedAt: string): AppendResult {
    const head = this.selectHead.get(request.stream) ?? null;
    const replayed = request.events.length > 0 ? this.findReplay(request, head) : null;
    if (replayed !== null) return replayed;
    assertExpectedRevision(request.stream, request.expected, head?.revision ?? null);
    if (request.events.length === 0) return emptyAppendResult(request.stream, head);
    return this.insert(request, head === null ? 0n : head.revision + 1n, recordedAt);
  }

  private insert({ stream, events }: AppendRequest, firstRevision: bigint, recordedAt: string): AppendResult {
    const category = categoryOf(stream);
    let revision = firstRevision;
    let position = 0n;
    for (const event of events) {
      const metadata = JSON.stringify({ ...event.metadata, recordedAt });
      const data = JSON.stringify(event.data);
      const checksum = eventChecksum({ id: event.id, stream, revision, type: event.type, data, metadata });
      try {
        const info = this.insertEvent.run(event.id, stream, revision, event.type, category, data, metadata, checksum);
        position = BigInt(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueIdViolation(error)) throw duplicateIdError(stream, event.id, 'is already stored at another place');
        throw error;
      }
      revision++;
    }
    return { nextExpectedRevision: revision - 1n, position };
  }

  /**
   * EventStoreDB's idempotence: the same ids, in the same order, already stored right after the
   * expected revision (anywhere in the stream for `any` / `stream_exists`) make the append a no-op.
   */
  private findReplay(request: AppendRequest, head: StreamHead | null): AppendResult | null {
    const { stream, events, expected } = request;
    const first = this.selectById.get(events[0]!.id);
    if (first === undefined) return null;
    if (first.stream !== stream) throw duplicateIdError(stream, events[0]!.id, `is already stored in stream ${first.stream}`);
    const start = typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : first.revision;
    if (first.revision === start) {
      const stored = this.selectIdsFrom.all(stream, start, events.length);
      const same = stored.length === events.length && stored.every((row, index) => row.id === events[index]!.id);
      if (same) return { nextExpectedRevision: start + BigInt(events.length - 1), position: stored.at(-1)!.position };
    }
    assertExpectedRevision(stream, expected, head?.revision ?? null);
    throw duplicateIdError(stream, events[0]!.id, `is already stored at revision ${first.revision}`);
  }
}

/**
 * An empty append only checks the expected revision. It reports the stream's current head, so a
 * stream that does not exist has nothing to report: that is a `ValidationError`.
 */
function emptyAppendResult(stream: string, head: StreamHead | null): AppendResult {
  if (head === null) {
    throw new ValidationError('stream.empty_append', `Nothing to append to ${stream}, which does not exist`, { stream });
  }
  return { nextExpectedRevision: head.revision, position: head.position };
}

function isUniqueIdViolation(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
