import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { TicketChannel, TicketEvent, TicketPriority } from '../../aggregates/ticket/ticket.events';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';

/** One ticket: when it was opened, first answered and resolved (every time, as reopens resolve again). */
export interface TicketDocument extends ReadDocument {
  readonly ticketId: string;
  readonly clientId: string;
  readonly channel: TicketChannel;
  readonly priority: TicketPriority;
  readonly subject: string;
  readonly openedAt: string;
  readonly firstRespondedAt: string | null;
  readonly status: 'open' | 'resolved';
  /** Resolution instants, oldest first. */
  readonly resolvedAts: string[];
  /** The latest resolution, so a period's resolutions are found by a range filter. */
  readonly lastResolvedAt: string | null;
  readonly reopenCount: number;
}

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
      return { ...ticket, status: 'resolved', resolvedAts: [...ticket.resolvedAts, at], lastResolvedAt: at };
    case 'TicketReopened':
      return { ...ticket, status: 'open', reopenCount: ticket.reopenCount + 1 };
    default:
      return ticket;
  }
}

export const ticketsProjection: Projection<TicketDocument> = {
  name: 'tickets',
  version: 2,
  handles: ['TicketOpened', 'FirstResponseRecorded', 'TicketResolved', 'TicketReopened'],
  documentIds: (event) => [(event.data as { ticketId: string }).ticketId],
  evolve: (ticket, event, id) => evolveTicket(ticket, event as RecordedOf<TicketEvent>, id),
  indexes: [
    { name: 'tickets_opened_at', fields: ['openedAt'] },
    { name: 'tickets_first_responded_at', fields: ['firstRespondedAt'] },
    { name: 'tickets_last_resolved_at', fields: ['lastResolvedAt'] },
  ],
};
