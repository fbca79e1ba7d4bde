import type { Projection } from '../../core/projection';
import type { TicketEvent } from '../../aggregates/ticket/ticket.events';
import type { TicketDocument } from './ticket.document';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';
import { ticketSums } from './ticket.sums';

export type { TicketDocument } from './ticket.document';

function opened(event: RecordedOfType<TicketEvent, 'TicketOpened'>, id: string): TicketDocument {
  const { clientId, channel, priority, subject } = event.data;
  return {
    _id: id,
    ticketId: id,
    clientId,
    channel,
    priority,
    subject,
    openedAt: occurredAt(event),
    firstRespondedAt: null,
    status: 'open',
    resolvedAts: [],
    lastResolvedAt: null,
    reopenCount: 0,
  };
}

function evolveTicket(ticket: TicketDocument | null, event: RecordedOf<TicketEvent>, id: string): TicketDocument | null {
  if (event.type === 'TicketOpened') return ticket ?? opened(event, id);
  if (!ticket) return null;
  const at = occurredAt(event);
  switch (event.type) {
    case 'FirstResponseRecorded':
      return ticket.firstRespondedAt === null ? { ...ticket, firstRespondedAt: at } : ticket;
    case 'TicketResolved':
      // The latest instant, not the last recorded: a resolution synced late may have happened before another.
      return { ...ticket, status: 'resolved', resolvedAts: [...ticket.resolvedAts, at], lastResolvedAt: ticket.lastResolvedAt !== null && ticket.lastResolvedAt > at ? ticket.lastResolvedAt : at };
    case 'TicketReopened':
      return { ...ticket, status: 'open', reopenCount: ticket.reopenCount + 1 };
    default:
      return ticket;
  }
}

export const ticketsProjection: Projection<TicketDocument> = {
  name: 'tickets',
  // 3: sums of openings, first responses and resolutions per UTC day and month (ticket.sums.ts);
  //    lastResolvedAt is the latest resolution in time, not the last recorded.
  // 4: resolution rows carry their own instant (a period's partial days read from the day's sum).
  // 5: durations summed per day only (no month documents rewritten batch after batch).
  // 6: a ticket's latest resolution summed by duration alone (rows merge); earlier ones keep their instants.
  version: 6,
  handles: ['TicketOpened', 'FirstResponseRecorded', 'TicketResolved', 'TicketReopened'],
  documentIds: (event) => [(event.data as { ticketId: string }).ticketId],
  evolve: (ticket, event, id) => evolveTicket(ticket, event as RecordedOf<TicketEvent>, id),
  sums: ticketSums,
  indexes: [
    { name: 'tickets_opened_at', fields: ['openedAt'] },
    { name: 'tickets_first_responded_at', fields: ['firstRespondedAt'] },
    { name: 'tickets_last_resolved_at', fields: ['lastResolvedAt'] },
  ],
};
