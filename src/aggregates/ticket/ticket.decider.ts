import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { normaliseInstant } from '../../core/time';
import { ensureClientExists } from '../client/client-exists.rule';
import { ensure, ensureNonEmpty } from '../shared/rules';
import type { OpenTicket, RateTicket, RecordFirstResponse, ReopenTicket, ResolveTicket, TicketCommand } from './ticket.commands';
import { ticketChannels, ticketPriorities, type TicketEvent } from './ticket.events';

type OpenedTicket = {
  status: 'open' | 'resolved';
  ticketId: string;
  clientId: string;
  openedAt: string;
  respondedAt: string | null;
  resolutionCount: number;
  /** Scores by rating id, to tell a repeated rating from a conflicting one. */
  ratings: ReadonlyMap<string, number>;
};

export type TicketState = { status: 'none' } | OpenedTicket;

export const ticketStream = (ticketId: string) => streamName('Ticket', ticketId);

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'OpenTicket':
        return open(command, state);
      case 'RecordFirstResponse':
        return recordFirstResponse(command, state);
      case 'ResolveTicket':
        return resolve(command, state);
      case 'ReopenTicket':
        return reopen(command, state);
      case 'RateTicket':
        return rate(command, state);
    }
  },
  evolve(state, event) {
    if (event.type === 'TicketOpened') {
      const { ticketId, clientId, openedAt } = event.data;
      return { status: 'open', ticketId, clientId, openedAt, respondedAt: null, resolutionCount: 0, ratings: new Map() };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'FirstResponseRecorded':
        return { ...state, respondedAt: event.data.respondedAt };
      case 'TicketResolved':
        return { ...state, status: 'resolved', resolutionCount: event.data.resolutionCount };
      case 'TicketReopened':
        return { ...state, status: 'open' };
      case 'CsatRated':
        return { ...state, ratings: new Map([...state.ratings, [event.data.ratingId, event.data.score]]) };
      default:
        return state;
    }
  },
};

function opened(state: TicketState, ticketId: string): OpenedTicket {
  ensure(state.status !== 'none', 'ticket.not_opened', `Ticket ${ticketId} has not been opened`);
  return state;
}

function open({ data, occurredAt }: OpenTicket, state: TicketState): TicketEvent[] {
  if (state.status !== 'none') {
    ensure(state.clientId === data.clientId, 'ticket.already_opened', `Ticket ${data.ticketId} was already opened for client ${state.clientId}`);
    return [];
  }
  ensureNonEmpty(data.clientId, 'clientId');
  ensureClientExists(data.client, data.clientId);
  ensureNonEmpty(data.subject, 'subject');
  ensure((ticketChannels as readonly string[]).includes(data.channel), 'ticket.invalid_channel', `Unknown channel "${data.channel}"`, {
    allowed: ticketChannels,
  });
  ensure((ticketPriorities as readonly string[]).includes(data.priority), 'ticket.invalid_priority', `Unknown priority "${data.priority}"`, {
    allowed: ticketPriorities,
  });
  const { ticketId, clientId, channel, priority, subject } = data;
  return [{ type: 'TicketOpened', data: { ticketId, clientId, channel, priority, subject, openedAt: normaliseInstant(occurredAt) } }];
}

function recordFirstResponse({ data, occurredAt }: RecordFirstResponse, state: TicketState): TicketEvent[] {
  const ticket = opened(state, data.ticketId);
  if (ticket.respondedAt !== null) return [];
  ensureNonEmpty(data.responderId, 'responderId');
  const respondedAt = normaliseInstant(occurredAt);
  ensure(respondedAt >= ticket.openedAt, 'ticket.response_before_open', `A response at ${respondedAt} precedes the opening at ${ticket.openedAt}`, {
    openedAt: ticket.openedAt,
  });
  return [{ type: 'FirstResponseRecorded', data: { ticketId: data.ticketId, responderId: data.responderId, openedAt: ticket.openedAt, respondedAt } }];
}

function resolve({ data, occurredAt }: ResolveTicket, state: TicketState): TicketEvent[] {
  const ticket = opened(state, data.ticketId);
  if (ticket.status === 'resolved') return [];
  const resolvedAt = normaliseInstant(occurredAt);
  ensure(resolvedAt >= ticket.openedAt, 'ticket.resolved_before_open', `A resolution at ${resolvedAt} precedes the opening at ${ticket.openedAt}`, {
    openedAt: ticket.openedAt,
  });
  const resolutionCount = ticket.resolutionCount + 1;
  return [{ type: 'TicketResolved', data: { ticketId: data.ticketId, openedAt: ticket.openedAt, resolvedAt, resolutionCount } }];
}

/** Reopening an open ticket is already satisfied: tools resend status changes, so it is a no-op. */
function reopen({ data, occurredAt }: ReopenTicket, state: TicketState): TicketEvent[] {
  const ticket = opened(state, data.ticketId);
  if (ticket.status === 'open') return [];
  return [{ type: 'TicketReopened', data: { ticketId: data.ticketId, reopenedAt: normaliseInstant(occurredAt) } }];
}

function rate({ data }: RateTicket, state: TicketState): TicketEvent[] {
  const ticket = opened(state, data.ticketId);
  const previous = ticket.ratings.get(data.ratingId);
  if (previous !== undefined) {
    ensure(previous === data.score, 'csat.already_rated', `Rating ${data.ratingId} was already recorded with score ${previous}`, { score: previous });
    return [];
  }
  ensureNonEmpty(data.ratingId, 'ratingId');
  ensure(Number.isInteger(data.score) && data.score >= 1 && data.score <= 5, 'csat.out_of_range', `A CSAT score is a whole number from 1 to 5, got ${data.score}`);
  const { ticketId, ratingId, score } = data;
  return [{ type: 'CsatRated', data: { ticketId, clientId: ticket.clientId, ratingId, score, comment: data.comment ?? null } }];
}
