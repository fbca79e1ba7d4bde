import type { RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';
import type { EventFilter } from './sqlite-queries';

export interface EventPage {
  readonly events: RecordedEvent[];
  /** Every event up to here was looked at: the next page can start after it. */
  readonly scannedThrough: bigint;
}

/**
 * The newest events of the log, read and parsed once for every reader near the head: live
 * subscriptions and projection loops following the log would otherwise each query and parse every
 * new event. It holds every event with a position in (`from`, `to`], at most `capacity` of them;
 * a read from before `from` goes to SQLite. Every read first fetches what was committed after `to`
 * (a primary-key seek, nothing when nothing is new), so a page from the tail is what SQLite would
 * have answered at that moment, other processes' appends included.
 */
export class LogTail {
  private events: RecordedEvent[] = [];
  private from: bigint | null = null;
  private to: bigint | null = null;

  constructor(
    private readonly readAfter: (after: bigint, limit: number) => RecordedEvent[],
    private readonly head: () => bigint | null,
    private readonly capacity: number,
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
      if (events.length === limit) return { events, scannedThrough: event.position };
    }
    return { events, scannedThrough: this.to > after ? this.to : after };
  }

  private refresh(): void {
    if (this.to === null) {
      this.from = this.to = this.head() ?? 0n;
      return;
    }
    for (;;) {
      const fresh = this.readAfter(this.to, this.capacity);
      if (fresh.length === 0) break;
      this.events.push(...fresh);
      this.to = fresh.at(-1)!.position;
      if (fresh.length < this.capacity) break;
    }
    if (this.events.length > this.capacity) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.from = dropped.at(-1)!.position;
    }
  }

  /** Index of the first held event with a position above `after` (binary search: positions increase). */
  private firstAfter(after: bigint): number {
    let low = 0;
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
