import type { RecordedEvent } from '../../core/messages';

/**
 * Whether a fact is news a workflow may act on (a Slack post, a Plane item, a Mautic contact), or
 * history it must leave alone. Two conditions, both read from the event itself:
 * - its origin is live: `metadata.origin` is absent. The demo seed stamps `seed` and
 *   `zixly events import` stamps `import`, so two years of generated or imported history appended
 *   next to a running engine trigger nothing, however recent their dates;
 * - it happened recently: `occurredAt` is at most `maxAgeMs` before the engine's clock (72 h by
 *   default), so a pull sync catching up on last year's tickets, or a backdated mutation, is
 *   recorded but not acted on.
 * Replays and rebuilds never reach workflows at all: each follows the log from its own checkpoint.
 */
export function isNewInTheWorld(event: RecordedEvent, now: Date, maxAgeMs: number): boolean {
  if (event.metadata.origin !== undefined) return false;
  const occurredAt = Date.parse(event.metadata.occurredAt);
  return Number.isFinite(occurredAt) && now.getTime() - occurredAt <= maxAgeMs;
}
