import type { RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';
import type { EventFilter } from './sqlite-queries';

/** An event as read, with the length of its stored JSON (what bounds the tail's memory). */
export interface SizedEvent {
  readonly event: RecordedEvent;
  readonly bytes: number;
}

export interface EventPage {
  readonly events: RecordedEvent[];
  /** Every event up to here was looked at: the next page can start after it. */
  readonly scannedThrough: bigint;
  /** Nothing past `scannedThrough` matched when the page was read: a reader can stop here. */
  readonly complete: boolean;
}

/** Rows read after a position: their events (damaged rows left out), and how far the rows went. */
export interface TailRead {
  readonly events: SizedEvent[];
  readonly rows: number;
  readonly scannedThrough: bigint | null;
}

/**
 * The newest events of the log, read and parsed once for every reader near the head: live
 * subscriptions and projection loops following the log would otherwise each query and parse every
 * new event. It holds every event with a position in (`from`, `to`], at most `capacity` of them
 * and about `maxBytes` of stored JSON (webhook payloads may be large); a read from before `from`
 * goes to SQLite. Every read first fetches what was committed after `to`
 * (a primary-key seek), so a page from the tail is what SQLite would
 * have answered at that moment, other processes' appends included. When nothing was committed
 * since the last read (most reads: every reader wakes after each commit), it does not query at all.
 */
export class LogTail {
  private events: RecordedEvent[] = [];
  private sizes: number[] = [];
  /** Index of the oldest event held: trimming moves it, and the arrays are compacted only now and then (a splice per read copied the whole tail). */
  private start = 0;
  private bytes = 0;
  private from: bigint | null = null;
  private to: bigint | null = null;

  constructor(
    private readonly readAfter: (after: bigint, limit: number) => TailRead,
    private readonly head: () => bigint | null,
    /** Whether anything was committed since it was last asked (false only when certain): most reads come after no commit. */
    private readonly committedSince: () => boolean,
    private readonly capacity: number,
    private readonly maxBytes: number,
  ) {}

  /**
   * Up to `limit` events after `after` that pass `filter`, and the position up to which the log was
   * looked through for them (a reader with a narrow filter moves past events it does not want);
   * null when `after` is older than the tail holds.
   */
  page(after: bigint, filter: EventFilter, limit: number): EventPage | null {
    this.refresh();
    if (this.from === null || this.to === null || after < this.from) return null;
    const events: RecordedEvent[] = [];
    for (let index = this.firstAfter(after); index < this.events.length; index++) {
      const event = this.events[index]!;
      if (!passes(event, filter)) continue;
      events.push(event);
      if (events.length === limit) return { events, scannedThrough: event.position, complete: false };
    }
    return { events, scannedThrough: this.to > after ? this.to : after, complete: true };
  }

  private refresh(): void {
    if (this.to !== null && !this.committedSince()) return;
    const head = this.head() ?? 0n;
    // Far behind the head (first use, or nobody read for a while): start over at the head rather
    // than parse what no reader near the head will ask for; readers behind go to SQLite.
    if (this.to === null || head - this.to > BigInt(this.capacity)) {
      this.events = [];
      this.sizes = [];
      this.start = 0;
      this.bytes = 0;
      this.from = this.to = head;
      return;
    }
    for (;;) {
      const fresh = this.readAfter(this.to, this.capacity);
      for (const { event, bytes } of fresh.events) {
        this.events.push(event);
        this.sizes.push(bytes);
        this.bytes += bytes;
      }
      if (fresh.scannedThrough !== null) this.to = fresh.scannedThrough;
      this.trim();
      if (fresh.rows < this.capacity) break;
    }
  }

  private trim(): void {
    let drop = this.start;
    let bytes = this.bytes;
    while (drop < this.events.length && (this.events.length - drop > this.capacity || bytes > this.maxBytes)) bytes -= this.sizes[drop++]!;
    if (drop === this.start) return;
    this.from = this.events[drop - 1]!.position;
    this.start = drop;
    this.bytes = bytes;
    if (this.start * 2 >= this.events.length) {
      this.events = this.events.slice(this.start);
      this.sizes = this.sizes.slice(this.start);
      this.start = 0;
    }
  }

  /** Index of the first held event with a position above `after` (binary search: positions increase). */
  private firstAfter(after: bigint): number {
    let low = this.start;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function passes(event: RecordedEvent, filter: EventFilter): boolean {
  if (filter.matchesNothing) return false;
  if (filter.types !== null && !filter.types.includes(event.type)) return false;
  return filter.categories === null || filter.categories.includes(categoryOf(event.stream));
}
