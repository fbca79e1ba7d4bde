import { chunked, type Deadline, noDeadline } from '../../core/deadline';
import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { positionCursor } from '../shared/connection';
import { type EventCriteria, matchesCriteria, storeFilterOf } from './event-criteria';
import { type EventConnection, toEventNode } from './event.type';

/** Who reads and until when: events the reader may not see are skipped (and counted in the budget). */
export interface PageReader {
  readonly mayRead: (event: RecordedEvent) => boolean;
  readonly deadline: Deadline;
}

const everyone: PageReader = { mayRead: () => true, deadline: noDeadline };

/**
 * At most this many events are read for one page. Types and categories are filtered by the store;
 * streams, occurredAt and correlationId are not, so a selective filter over a long log could
 * otherwise read the whole log for one request. When the budget runs out the page may be short
 * (even empty) but `hasNextPage` is true and `endCursor` is the last position scanned.
 */
export const eventScanBudget = 10_000;

/** One page of the log after `after` (exclusive), filtered by `criteria`. */
export async function readEventPage(
  store: EventStore,
  criteria: EventCriteria,
  first: number,
  after: bigint | undefined,
  budget = eventScanBudget,
  reader: PageReader = everyone,
): Promise<EventConnection> {
  const found: RecordedEvent[] = [];
  let scanned = 0;
  let lastScanned: bigint | null = null;
  // One match beyond the page tells whether there is a next page.
  for await (const event of chunked(store.readAll({ ...storeFilterOf(criteria), after, maxCount: budget }), reader.deadline)) {
    scanned++;
    lastScanned = event.position;
    if (matchesCriteria(event, criteria) && reader.mayRead(event) && found.push(event) > first) break;
  }
  const page = found.slice(0, first);
  const hasMoreMatches = found.length > first;
  const budgetSpent = !hasMoreMatches && scanned >= budget;
  const endPosition = budgetSpent ? lastScanned : (page.at(-1)?.position ?? null);
  return connectionOf(page, hasMoreMatches || budgetSpent, endPosition === null ? null : positionCursor(endPosition));
}

export function connectionOf(
  events: readonly RecordedEvent[],
  hasNextPage: boolean,
  endCursor: string | null,
  cursorOf: (event: RecordedEvent) => string = (event) => positionCursor(event.position),
): EventConnection {
  const edges = events.map((event) => ({ cursor: cursorOf(event), node: toEventNode(event) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor },
  };
}
