import type { ResolvedPeriod } from '../../core/business-time';
import { type SumDocument, sumDocumentId } from '../../core/projection-sums';
import { instantBucketsCovering, sumsOf } from '../shared/instant-buckets';
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
export async function ticketSumsIn(context: KpiContext, measure: TicketFact['measure'], period: ResolvedPeriod): Promise<Map<string, number>> {
  const { buckets, edges } = instantBucketsCovering(measure, period.fromInstant, period.toInstant, ticketGrains[measure]);
  const totals = await sumsOf(context.reads, ticketsCollection, buckets);
  const add = (key: string, amount: number) => totals.set(key, (totals.get(key) ?? 0) + amount);
  for (const [from, to] of edges) {
    if (measure === 'resolved') {
      const days = await context.reads.getMany<SumDocument>(ticketsCollection, utcDaysOf(from, to).map((day) => sumDocumentId(`resolved:d:${day}`)));
      for (const { document } of days.values()) {
        for (const [key, amount] of document.rows) {
          const row = resolvedRow(key);
          if (row && row.resolvedAt >= from && row.resolvedAt < to) add(key, amount);
        }
      }
      continue;
    }
    const field = measure === 'opened' ? 'openedAt' : 'firstRespondedAt';
    const { documents } = await context.reads.find<TicketDocument>(ticketsCollection, { filter: { [field]: { $gte: from, $lt: to } } });
    for (const ticket of documents) {
      for (const fact of ticketFacts(ticket)) if (fact.measure === measure && fact.instant >= from && fact.instant < to) for (const [key, amount] of fact.amounts) add(key, amount);
    }
  }
  return totals;
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
