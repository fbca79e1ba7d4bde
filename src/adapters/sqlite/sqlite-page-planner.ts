import type { RecordedEvent } from '../../core/messages';
import type { EventFilter } from './sqlite-queries';

/** Filters remembered at most: API reads may filter on ever new types. */
const capacity = 256;

/**
 * Chooses how a filtered page is read from what the filter's previous page found. A filter that
 * matched at least half of the positions it spanned walks the primary key next time; one whose
 * walk matched less than a quarter seeks through its index again (the gap keeps it from
 * flip-flopping). A new filter seeks: a walk over a sparse filter reads the whole log.
 */
export class PagePlanner {
  private readonly walking = new Map<string, boolean>();

  plan(filter: EventFilter): 'seek' | 'walk' {
    return this.walking.get(keyOf(filter)) === true ? 'walk' : 'seek';
  }

  /** Learns from a page read after `after`: only a full page says how dense the filter is. */
  observe(filter: EventFilter, after: bigint, events: readonly RecordedEvent[], limit: number): void {
    if (events.length < limit || events.length === 0) return;
    const share = events.length / Number(events.at(-1)!.position - after);
    const key = keyOf(filter);
    const walking = this.walking.get(key) === true;
    if (walking === (walking ? share >= 0.25 : share >= 0.5)) return;
    if (this.walking.size >= capacity) this.walking.clear();
    this.walking.set(key, !walking);
  }
}

function keyOf(filter: EventFilter): string {
  return `${filter.types?.join('\n') ?? '*'}|${filter.categories?.join('\n') ?? '*'}`;
}
