import type { Projection } from '../../core/projection';
import type { DerivedSums } from '../../core/projection-sums';
import { instantBucketsCovering, instantContributions, sumsOf } from '../shared/instant-buckets';
import type { KpiContext } from '../shared/kpi';
import { ticketsProjection, type TicketDocument } from './tickets.projection';

export const ticketSumsCollection = 'ticket_sums';

/** Tickets opened per UTC month and day: a count, and one per channel, priority and client. */
export const ticketSums: DerivedSums<TicketDocument> = {
  of: (ticket) => instantContributions('opened', ticket.openedAt, [['n', 1], [`channel\t${ticket.channel}`, 1], [`priority\t${ticket.priority}`, 1], [`client\t${ticket.clientId}`, 1]]),
};

/**
 * The tickets folded a second time into a collection of their own beside their sums: the `tickets`
 * collection the API lists stays free of sum documents.
 */
export const ticketSumsProjection: Projection<TicketDocument> = {
  name: ticketSumsCollection,
  // 2: no hour sums (about one per ticket).
  version: 2,
  handles: ticketsProjection.handles,
  documentIds: ticketsProjection.documentIds,
  evolve: ticketsProjection.evolve,
  sums: ticketSums,
  indexes: [{ name: 'ticket_sums_opened_at', fields: ['openedAt'] }],
};

/** The opened sums of [fromInstant, toInstant): whole UTC days from the sums, the hours either side from the tickets. */
export async function openedSumsIn(context: KpiContext, fromInstant: string, toInstant: string): Promise<Map<string, number>> {
  const { buckets, edges } = instantBucketsCovering('opened', fromInstant, toInstant);
  const totals = await sumsOf(context.reads, ticketSumsCollection, buckets);
  for (const [from, to] of edges) {
    const { documents } = await context.reads.find<TicketDocument>(ticketSumsCollection, { filter: { openedAt: { $gte: from, $lt: to } } });
    for (const ticket of documents) {
      for (const { bucket, amounts } of ticketSums.of(ticket)) {
        if (bucket.startsWith('opened:d:')) for (const [key, amount] of amounts) totals.set(key, (totals.get(key) ?? 0) + amount);
      }
    }
  }
  return totals;
}
