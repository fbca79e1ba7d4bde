import { npsResponseStream } from '../../aggregates/ticket/nps-response.decider';
import { ticketStream } from '../../aggregates/ticket/ticket.decider';
import { minutesBetween } from '../shared/event-instant';
import { isSatisfied, npsCategoryOf } from '../support/satisfaction.sums';
import { instantsIn } from '../shared/period-filter';
import type { CsatRatingDocument } from '../support/csat-ratings.projection';
import type { NpsResponseDocument } from '../support/nps-responses.projection';
import { lastResolutionIn } from '../support/ticket.queries';
import type { TicketDocument } from '../support/tickets.projection';
import { eventsOf, type FactRule, type KpiFact, scanned } from './kpi-fact';

const ticketFact = (ticket: TicketDocument, date: string, rule: string, contribution: number): KpiFact => ({
  entity: 'Ticket',
  id: ticket.ticketId,
  stream: ticketStream(ticket.ticketId),
  date,
  counted: true,
  rule,
  contribution,
  events: eventsOf(ticket),
});

const firstResponse = (combination: 'MEDIAN' | 'P90'): FactRule =>
  scanned<TicketDocument>({
    combination,
    collection: 'tickets',
    filter: (period) => ({ firstRespondedAt: instantsIn(period) }),
    fact: (ticket) => {
      const minutes = minutesBetween(ticket.openedAt, ticket.firstRespondedAt!);
      return ticketFact(ticket, ticket.firstRespondedAt!, `first answered in the period, ${minutes} minutes after it opened`, minutes);
    },
  });

const resolution = (combination: 'MEDIAN' | 'P90'): FactRule =>
  scanned<TicketDocument>({
    combination,
    collection: 'tickets',
    filter: (period) => ({ lastResolvedAt: { $gte: period.fromInstant } }),
    fact: (ticket, _context, period) => {
      const resolved = lastResolutionIn(ticket, period);
      if (resolved === null) return null;
      const minutes = minutesBetween(ticket.openedAt, resolved);
      return ticketFact(ticket, resolved, `resolved in the period, ${minutes} minutes after it opened${ticket.reopenCount > 0 ? ' (its latest resolution, from its first opening)' : ''}`, minutes);
    },
  });

export const supportFacts = {
  TICKETS_OPENED: scanned<TicketDocument>({
    combination: 'SUM',
    collection: 'tickets',
    filter: (period) => ({ openedAt: instantsIn(period) }),
    fact: (ticket) => ticketFact(ticket, ticket.openedAt, `opened in the period (${ticket.channel}, ${ticket.priority})`, 1),
  }),
  FIRST_RESPONSE_MEDIAN_MINUTES: firstResponse('MEDIAN'),
  FIRST_RESPONSE_P90_MINUTES: firstResponse('P90'),
  RESOLUTION_MEDIAN_MINUTES: resolution('MEDIAN'),
  RESOLUTION_P90_MINUTES: resolution('P90'),
  /** csat = Σ contributions (satisfied ratings) ÷ the number of counted ratings: every rating of the period is in the denominator. */
  CSAT: scanned<CsatRatingDocument>({
    combination: 'SHARE',
    collection: 'csat_ratings',
    filter: (period) => ({ ratedAt: instantsIn(period) }),
    fact: (rating) => {
      const satisfied = isSatisfied(rating.score);
      return {
        entity: 'CsatRating',
        id: rating.ratingId,
        stream: ticketStream(rating.ticketId),
        date: rating.ratedAt,
        counted: true,
        rule: satisfied ? `satisfied: score ${rating.score} (4 or 5)` : `in the denominator only: score ${rating.score}`,
        contribution: satisfied ? 1 : 0,
        events: eventsOf(rating),
      };
    },
  }),
  NPS: scanned<NpsResponseDocument>({
    combination: 'NET_SHARE_PERCENT',
    collection: 'nps_responses',
    filter: (period) => ({ respondedAt: instantsIn(period) }),
    fact: (response) => {
      const category = npsCategoryOf(response.score);
      const contribution = { promoter: 1, passive: 0, detractor: -1 }[category];
      return {
        entity: 'NpsResponse',
        id: response.responseId,
        stream: npsResponseStream(response.responseId),
        date: response.respondedAt,
        counted: true,
        rule: `${category}: score ${response.score}`,
        contribution,
        events: eventsOf(response),
      };
    },
  }),
} as const satisfies Record<string, FactRule>;
