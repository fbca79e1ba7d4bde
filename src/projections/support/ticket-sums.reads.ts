import type { ResolvedPeriod } from '../../core/business-time';
import { type SumDocument, sumDocumentId } from '../../core/projection-sums';
import { type EdgeAmounts, indexedEdge, periodSums } from '../shared/instant-buckets';
import type { KpiContext } from '../shared/kpi';
import { resolvedRow, rowInstant, type TicketFact, ticketGrains, ticketSums } from './ticket.sums';
import type { TicketDocument } from './ticket.document';

export const ticketsCollection = 'tickets';

const instantField = { opened: 'openedAt', responded: 'firstRespondedAt' } as const;

/**
 * The tickets' sums of one measure over the period: its whole UTC days (and months) from the sum
 * documents, the hours either side (a period of Brisbane dates starts at 14:00 UTC) from the
 * tickets by the index on the fact's instant, through the same `ticketSums` — for resolutions
 * (one array per ticket, which no index ranges over) see `resolutionEdge`.
 */
export function ticketSumsIn(context: KpiContext, measure: TicketFact['measure'], period: ResolvedPeriod): Promise<Map<string, number>> {
  const edge = measure === 'resolved' ? resolutionEdge(context) : indexedEdge(context.reads, ticketsCollection, instantField[measure], ticketSums, measure);
  return periodSums(context.reads, ticketsCollection, measure, period, edge, ticketGrains[measure]);
}

/**
 * The resolution rows in [from, to): a ticket's latest resolution is its `lastResolvedAt`, so those
 * rows (which hold no instant) come from the tickets by that index; the rows of earlier and
 * unordered resolutions carry their instants, so they come from the sums of the UTC days [from, to) touches.
 */
function resolutionEdge(context: KpiContext): EdgeAmounts {
  const latest = indexedEdge(context.reads, ticketsCollection, 'lastResolvedAt', ticketSums, 'resolved');
  return async (from, to) => {
    const [ofTickets, days] = await Promise.all([latest(from, to), context.reads.getMany<SumDocument>(ticketsCollection, utcDaysOf(from, to).map((day) => sumDocumentId(`resolved:d:${day}`)))]);
    const instantOf = (key: string) => {
      const row = resolvedRow(key);
      return row === null ? undefined : rowInstant(row);
    };
    const latestRows = [...ofTickets].filter(([key]) => instantOf(key) === null);
    const rowsAtInstants = [...days.values()].flatMap(({ document }) =>
      document.rows.filter(([key]) => {
        const instant = instantOf(key);
        return typeof instant === 'string' && instant >= from && instant < to;
      }),
    );
    return [...latestRows, ...rowsAtInstants];
  };
}

/** The UTC dates [from, to) touches: an edge is part of one day, or of two when a period is shorter than a day. */
function utcDaysOf(from: string, to: string): string[] {
  const days = [from.slice(0, 10)];
  const last = new Date(Date.parse(to) - 1).toISOString().slice(0, 10);
  if (last !== days[0]) days.push(last);
  return days;
}

/** The tickets listed by id (those whose resolutions are out of time order), as stored. */
export async function ticketsById(context: KpiContext, ids: readonly string[]): Promise<TicketDocument[]> {
  if (ids.length === 0) return [];
  const found = await context.reads.getMany<TicketDocument>(ticketsCollection, ids);
  return ids.flatMap((id) => found.get(id)?.document ?? []);
}
