import type { TicketResolved } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import { occurredAt } from '../shared/event-instant';

/**
 * One resolution of a ticket (a reopened ticket is resolved again), keyed by its event. A ticket's
 * resolutions live in one array of its document, which no index can range over: this collection
 * finds the tickets resolved in a period by one bounded range, whatever the store's size.
 */
export interface TicketResolutionDocument extends ReadDocument {
  readonly ticketId: string;
  /** The resolution's instant, as the ticket's `resolvedAts` holds it. */
  readonly resolvedAt: string;
}

export const ticketResolutionsCollection = 'ticket_resolutions';

export const ticketResolutionsProjection: Projection<TicketResolutionDocument> = {
  name: ticketResolutionsCollection,
  version: 1,
  handles: ['TicketResolved'],
  documentIds: (event) => [event.id],
  evolve: (resolution, event, id) => resolution ?? { _id: id, ticketId: (event as RecordedEvent<TicketResolved>).data.ticketId, resolvedAt: occurredAt(event) },
  indexes: [{ name: 'ticket_resolutions_resolved_at', fields: ['resolvedAt'] }],
};
