import type { ResolvedPeriod } from '../../core/business-time';
import { type SumDocument, sumDocumentId } from '../../core/projection-sums';
import { type EdgeAmounts, periodSums } from '../shared/instant-buckets';
import type { KpiContext } from '../shared/kpi';
import { resolvedRow, type TicketFact, ticketFacts, ticketGrains } from './ticket.sums';
import type { TicketDocument } from './ticket.document';

export const ticketsCollection = 'tickets';

/**
 * The tickets' sums of one measure over the period: its whole UTC days (and months) from the sum
 * documents, the hours either side (a period of Brisbane dates starts at 14:00 UTC) from the
 * tickets by the index on the fact's instant, through the same `ticketFacts` — or, for
 * resolutions (one array per ticket, which no index ranges over), from the rows of that day's sum,
 * each of which carries its resolution's instant.
 */
export function ticketSumsIn(context: KpiContext, measure: TicketFact['measure'], period: ResolvedPeriod): Promise<Map<string, number>> {
  const edge: EdgeAmounts = measure === 'resolved' ? (from, to) => resolutionRowsIn(context, from, to) : (from, to) => ticketAmountsIn(context, measure, from, to);
  return periodSums(context.reads, ticketsCollection, measure, period, edge, ticketGrains[measure]);
}

/** The amounts of the openings or first responses in [from, to), from the tickets by the index on that instant. */
async function ticketAmountsIn(context: KpiContext, measure: 'opened' | 'responded', from: string, to: string): Promise<Array<readonly [string, number]>> {
  const field = measure === 'opened' ? 'openedAt' : 'firstRespondedAt';
  const { documents } = await context.reads.find<TicketDocument>(ticketsCollection, { filter: { [field]: { $gte: from, $lt: to } } });
  return documents.flatMap((ticket) => ticketFacts(ticket).flatMap((fact) => (fact.measure === measure && fact.instant >= from && fact.instant < to ? fact.amounts : [])));
}

/** The resolution rows in [from, to), from the sums of the UTC days it touches (each row carries its instant). */
async function resolutionRowsIn(context: KpiContext, from: string, to: string): Promise<Array<readonly [string, number]>> {
  const days = await context.reads.getMany<SumDocument>(ticketsCollection, utcDaysOf(from, to).map((day) => sumDocumentId(`resolved:d:${day}`)));
  return [...days.values()].flatMap(({ document }) =>
    document.rows.filter(([key]) => {
      const row = resolvedRow(key);
      return row !== null && row.resolvedAt >= from && row.resolvedAt < to;
    }),
  );
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
