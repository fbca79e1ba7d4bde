import type { ResolvedPeriod } from '../../core/business-time';
import { instantBucketsCovering, sumsOf } from '../shared/instant-buckets';
import type { KpiContext } from '../shared/kpi';
import { type TicketResolutionDocument, ticketResolutionsCollection } from './ticket-resolutions.projection';
import { type TicketFact, ticketFacts } from './ticket.sums';
import type { TicketDocument } from './tickets.projection';

export const ticketsCollection = 'tickets';

/** The tickets whose fact of `measure` falls in [from, to), found by the index on its instant. */
async function ticketsWithFactIn(context: KpiContext, measure: TicketFact['measure'], from: string, to: string): Promise<TicketDocument[]> {
  const range = { $gte: from, $lt: to };
  if (measure === 'opened') return (await context.reads.find<TicketDocument>(ticketsCollection, { filter: { openedAt: range } })).documents;
  if (measure === 'responded') return (await context.reads.find<TicketDocument>(ticketsCollection, { filter: { firstRespondedAt: range } })).documents;
  const resolutions = await context.reads.find<TicketResolutionDocument>(ticketResolutionsCollection, { filter: { resolvedAt: range } });
  const found = await context.reads.getMany<TicketDocument>(ticketsCollection, [...new Set(resolutions.documents.map((resolution) => resolution.ticketId))]);
  return [...found.values()].map((stored) => stored.document);
}

/**
 * The tickets' sums of one measure over the period: its whole UTC days and months from the sum
 * documents, the hours either side (a period of Brisbane dates starts at 14:00 UTC) from the
 * tickets themselves, through the same `ticketFacts`.
 */
export async function ticketSumsIn(context: KpiContext, measure: TicketFact['measure'], period: ResolvedPeriod): Promise<Map<string, number>> {
  const { buckets, edges } = instantBucketsCovering(measure, period.fromInstant, period.toInstant);
  const totals = await sumsOf(context.reads, ticketsCollection, buckets);
  for (const [from, to] of edges) {
    for (const ticket of await ticketsWithFactIn(context, measure, from, to)) {
      for (const fact of ticketFacts(ticket)) {
        if (fact.measure !== measure || fact.instant < from || fact.instant >= to) continue;
        for (const [key, amount] of fact.amounts) totals.set(key, (totals.get(key) ?? 0) + amount);
      }
    }
  }
  return totals;
}

/** The tickets listed by id (those whose resolutions are out of time order), as stored. */
export async function ticketsById(context: KpiContext, ids: readonly string[]): Promise<TicketDocument[]> {
  if (ids.length === 0) return [];
  const found = await context.reads.getMany<TicketDocument>(ticketsCollection, ids);
  return ids.flatMap((id) => found.get(id)?.document ?? []);
}

