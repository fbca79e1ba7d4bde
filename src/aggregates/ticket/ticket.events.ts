import type { DomainEvent } from '../../core/messages';
import type { NpsResponseEvent } from './nps-response.events';

/**
 * Where the client reached us. Each tool's channel maps onto one of these at ingest
 * (a web widget or messenger is `chat`, a help-centre form is `portal`); anything else is `other`.
 */
export const ticketChannels = ['email', 'chat', 'phone', 'portal', 'social', 'other'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

export const ticketPriorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

/** Instants (`openedAt`, `respondedAt`, …) are ISO-8601 in UTC with milliseconds. */
export type TicketOpened = DomainEvent<
  'TicketOpened',
  { ticketId: string; clientId: string; channel: TicketChannel; priority: TicketPriority; subject: string; openedAt: string }
>;

/** The first human reply, at most once per ticket; carries `openedAt` so the response time needs no lookup. */
export type FirstResponseRecorded = DomainEvent<
  'FirstResponseRecorded',
  { ticketId: string; responderId: string; openedAt: string; respondedAt: string }
>;

/** `resolutionCount` is 1 for the first resolution and grows by one after each reopen. */
export type TicketResolved = DomainEvent<
  'TicketResolved',
  { ticketId: string; openedAt: string; resolvedAt: string; resolutionCount: number }
>;

export type TicketReopened = DomainEvent<'TicketReopened', { ticketId: string; reopenedAt: string }>;

/** A CSAT rating, 1 (very unsatisfied) to 5 (very satisfied); a ticket may collect several ratings. */
export type CsatRated = DomainEvent<
  'CsatRated',
  { ticketId: string; clientId: string; ratingId: string; score: number; comment: string | null }
>;

export type TicketEvent = TicketOpened | FirstResponseRecorded | TicketResolved | TicketReopened | CsatRated;

/** Every event of the support folder: ticket streams and NPS response streams. */
export type SupportEvent = TicketEvent | NpsResponseEvent;
