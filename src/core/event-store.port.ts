import type { DamagedEvent, EventDamageLog } from './event-damage';
import type { DomainEvent, NewEvent, RecordedEvent } from './messages';

/**
 * What the writer expects the stream to be before its append:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream has no events yet;
 * - `'stream_exists'`: the stream has at least one event;
 * - a bigint: the revision of the stream's last event (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event of this append. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /**
   * Exclusive: only events with a position greater than this. Omit to start at the beginning.
   * Must be a position this store returned (EventStoreDB cannot start at an arbitrary number).
   */
  readonly after?: bigint;
  readonly maxCount?: number;
  /** Only these event types; an empty list matches nothing. */
  readonly types?: readonly string[];
  /** Only streams of these categories (`Invoice` for `Invoice-42`); an empty list matches nothing. */
  readonly categories?: readonly string[];
}

export interface SubscribeOptions {
  /**
   * Exclusive start position; omit to replay from the beginning. `'end'` means the head at the
   * moment `subscribe()` is called: events appended through this store after the call are delivered.
   */
  readonly after?: bigint | 'end';
  readonly types?: readonly string[];
  readonly categories?: readonly string[];
}

/** Catch-up subscription: stored events from the start position, then live ones, in position order. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; pending `next()` calls resolve as done. */
  close(): Promise<void>;
}

/** What a walk over the whole log found (`zixly events verify`, and the check at start). */
export interface IntegrityReport {
  /** Events looked at. */
  readonly checked: number;
  /** Events stored before checksums existed: only their JSON could be checked. */
  readonly withoutChecksum: number;
  readonly damaged: readonly DamagedEvent[];
}

/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) passes the same contract
 * suite in `src/testing/event-store.contract.ts`.
 */
export interface EventStore {
  /**
   * Appends events atomically. Throws `ConcurrencyError` when the stream is not at `expected`.
   * Re-appending events whose ids are already stored at that place in the stream (a retried
   * request) succeeds and stores nothing; the result then describes that original append (its
   * last revision and position), not the current end of the stream. Ids are UUIDs, unique within
   * a stream in every adapter (the embedded store also refuses an id used in another stream).
   * An empty append returns the stream's current head.
   */
  append<E extends DomainEvent>(
    stream: string,
    events: readonly NewEvent<E>[],
    expected?: ExpectedRevision,
  ): Promise<AppendResult>;

  /** Events of one stream; a stream that does not exist reads as empty. */
  readStream<E extends DomainEvent = DomainEvent>(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>>;

  /** Events of every stream in position order; system events never appear. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * The event with this id, or `null`: one indexed look-up, never a scan of the log (the embedded
   * store reads its unique index on ids; EventStoreDB, which has none, keeps an index of its own).
   */
  readEvent(id: string): Promise<RecordedEvent | null>;

  /** Position of the last stored event, or `null` when the store is empty. */
  headPosition(): Promise<bigint | null>;

  subscribe(options?: SubscribeOptions): Subscription;

  close(): Promise<void>;

  /**
   * Damaged events the store met while reading (checksum mismatch, JSON that does not parse, a
   * malformed row). Reads never yield them and never stop at them: they go past and record them
   * here. Absent on adapters that cannot tell (a store wrapping another passes the inner one's).
   */
  readonly damage?: EventDamageLog;

  /**
   * Walks the whole log checking every event (checksum, else JSON), recording damage in `damage`.
   * Yields to the event loop between pages, so a server keeps answering while it runs.
   */
  checkIntegrity?(onProgress?: (checked: number) => void): Promise<IntegrityReport>;

  /**
   * Why writes are being refused (a full disk: code `event_store.disk_full`), from the failed
   * commit until one succeeds again; null while writes succeed. Reads are not affected.
   */
  writeFault?(): WriteFault | null;
}

export interface WriteFault {
  readonly code: string;
  readonly message: string;
  readonly since: string;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
