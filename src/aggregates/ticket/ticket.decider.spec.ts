import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent } from './ticket.events';

const spec = deciderSpec(ticketDecider);
const openedAt = '2026-03-02T00:00:00.000Z';
const later = '2026-03-02T01:30:00.000Z';
const before = '2026-03-01T23:59:00.000Z';

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: { ticketId: 't-1', clientId: 'c-1', channel: 'email', priority: 'HIGH', subject: 'Sync broken', openedAt },
};
const open: TicketCommand = {
  type: 'OpenTicket',
  occurredAt: '2026-03-02T10:00:00+10:00',
  data: { ticketId: 't-1', clientId: 'c-1', channel: 'email', priority: 'HIGH', subject: 'Sync broken' },
};
const respond = (occurredAt: string): TicketCommand => ({ type: 'RecordFirstResponse', occurredAt, data: { ticketId: 't-1', responderId: 'agent-1' } });
const responded: TicketEvent = { type: 'FirstResponseRecorded', data: { ticketId: 't-1', responderId: 'agent-1', openedAt, respondedAt: later } };
const resolve = (occurredAt: string): TicketCommand => ({ type: 'ResolveTicket', occurredAt, data: { ticketId: 't-1' } });
const resolved = (resolvedAt: string, resolutionCount = 1): TicketEvent => ({
  type: 'TicketResolved',
  data: { ticketId: 't-1', openedAt, resolvedAt, resolutionCount },
});
const reopen: TicketCommand = { type: 'ReopenTicket', occurredAt: '2026-03-03T00:00:00.000Z', data: { ticketId: 't-1' } };
const reopened: TicketEvent = { type: 'TicketReopened', data: { ticketId: 't-1', reopenedAt: '2026-03-03T00:00:00.000Z' } };
const rate = (ratingId: string, score: number, comment?: string): TicketCommand => ({
  type: 'RateTicket',
  occurredAt: later,
  data: { ticketId: 't-1', ratingId, score, ...(comment === undefined ? {} : { comment }) },
});
const rated = (ratingId: string, score: number, comment: string | null = null): TicketEvent => ({
  type: 'CsatRated',
  data: { ticketId: 't-1', clientId: 'c-1', ratingId, score, comment },
});

describe('ticket decider', () => {
  it('opens a ticket at the instant it occurred, in UTC', () => spec.given([]).when(open).then([opened]));

  it('refuses a ticket for a client that was never onboarded', () =>
    spec.given([]).when({ ...open, data: { ...open.data, client: null } } as TicketCommand).thenRejects('client.unknown'));

  it('treats opening the same ticket again as a no-op', () => spec.given([opened]).when(open).thenNothingHappens());

  it('rejects reopening a ticket id for another client', () =>
    spec.given([opened]).when({ ...open, data: { ...open.data, clientId: 'c-2' } } as TicketCommand).thenRejects('ticket.already_opened'));

  it('rejects a channel outside the known set', () =>
    spec.given([]).when({ ...open, data: { ...open.data, channel: 'fax' } } as unknown as TicketCommand).thenRejects('ticket.invalid_channel'));

  it('rejects a priority outside the known set', () =>
    spec.given([]).when({ ...open, data: { ...open.data, priority: 'P1' } } as unknown as TicketCommand).thenRejects('ticket.invalid_priority'));

  it('records the first response with the opening instant', () => spec.given([opened]).when(respond(later)).then([responded]));

  it('treats a second response as a no-op', () =>
    spec.given([opened, responded]).when(respond('2026-03-02T05:00:00.000Z')).thenNothingHappens());

  it('refuses a first response before the ticket was opened', () =>
    spec.given([opened]).when(respond(before)).thenRejects('ticket.response_before_open'));

  it('refuses a first response on a ticket that was never opened', () =>
    spec.given([]).when(respond(later)).thenRejects('ticket.not_opened'));

  it('accepts a late-reported first response on a resolved ticket', () =>
    spec.given([opened, resolved('2026-03-02T03:00:00.000Z')]).when(respond(later)).then([responded]));

  it('resolves an open ticket', () => spec.given([opened]).when(resolve(later)).then([resolved(later)]));

  it('treats resolving a resolved ticket as a no-op', () => spec.given([opened, resolved(later)]).when(resolve(later)).thenNothingHappens());

  it('refuses to resolve a ticket that was never opened', () => spec.given([]).when(resolve(later)).thenRejects('ticket.not_opened'));

  it('refuses a resolution before the ticket was opened', () =>
    spec.given([opened]).when(resolve(before)).thenRejects('ticket.resolved_before_open'));

  it('reopens a resolved ticket', () => spec.given([opened, resolved(later)]).when(reopen).then([reopened]));

  it('treats reopening an open ticket as a no-op', () => spec.given([opened]).when(reopen).thenNothingHappens());

  it('refuses to reopen a ticket that was never opened', () => spec.given([]).when(reopen).thenRejects('ticket.not_opened'));

  it('counts resolutions after a reopen', () =>
    spec
      .given([opened, resolved(later), reopened])
      .when(resolve('2026-03-04T00:00:00.000Z'))
      .then([resolved('2026-03-04T00:00:00.000Z', 2)]));

  it('records a CSAT rating with the ticket client', () => spec.given([opened, resolved(later)]).when(rate('r-1', 5, 'Quick fix')).then([rated('r-1', 5, 'Quick fix')]));

  it('records a rating without a comment as null', () => spec.given([opened]).when(rate('r-1', 3)).then([rated('r-1', 3)]));

  it('rejects a CSAT score outside 1 to 5', () => {
    for (const score of [0, 6, 4.5]) spec.given([opened]).when(rate('r-1', score)).thenRejects('csat.out_of_range');
  });

  it('treats the same rating id twice as a no-op', () => spec.given([opened, rated('r-1', 4)]).when(rate('r-1', 4)).thenNothingHappens());

  it('rejects the same rating id with another score', () => spec.given([opened, rated('r-1', 4)]).when(rate('r-1', 2)).thenRejects('csat.already_rated'));

  it('refuses a rating for a ticket that was never opened', () => spec.given([]).when(rate('r-1', 5)).thenRejects('ticket.not_opened'));
});
