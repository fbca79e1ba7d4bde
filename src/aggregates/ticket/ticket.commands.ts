import type { Command } from '../../core/messages';
import type { ClientFact } from '../client/client-exists.enrich';
import type { NpsResponseCommand } from './nps-response.commands';
import type { TicketChannel, TicketPriority } from './ticket.events';

/** The ticket opens at `occurredAt`; opening an already opened ticket again is a no-op. */
export type OpenTicket = Command<
  'OpenTicket',
  { ticketId: string; clientId: string; channel: TicketChannel; priority: TicketPriority; subject: string; client?: ClientFact }
>;

/** The first reply by a person (not an auto-reply or bot), at `occurredAt`; later replies are no-ops. */
export type RecordFirstResponse = Command<'RecordFirstResponse', { ticketId: string; responderId: string }>;

export type ResolveTicket = Command<'ResolveTicket', { ticketId: string }>;

export type ReopenTicket = Command<'ReopenTicket', { ticketId: string }>;

/** `ratingId` is the rating's id in the support tool: recording it twice is a no-op. */
export type RateTicket = Command<'RateTicket', { ticketId: string; ratingId: string; score: number; comment?: string | null }>;

export type TicketCommand = OpenTicket | RecordFirstResponse | ResolveTicket | ReopenTicket | RateTicket;

/** Every command of the support folder: ticket streams and NPS response streams. */
export type SupportCommand = TicketCommand | NpsResponseCommand;
