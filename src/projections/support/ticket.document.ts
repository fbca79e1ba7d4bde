import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import type { ReadDocument } from '../../core/read-store.port';

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
  /** Resolution instants in the order recorded (oldest first, unless one was synced late). */
  readonly resolvedAts: string[];
  /** The latest resolution in time, so a period's resolutions are found by a range filter (`$gte` its start). */
  readonly lastResolvedAt: string | null;
  readonly reopenCount: number;
}
