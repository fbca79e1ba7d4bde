import { afterEach, describe, expect, it } from 'vitest';
import { fact, projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { supportProjections } from './index';
import type { TicketDocument } from './tickets.projection';

describe('tickets projection', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('keeps the opening, the first response and every resolution of a reopened ticket, in UTC', async () => {
    const openedAt = '2026-04-01T10:00:00+10:00';
    scenario = await projectScenario(supportProjections, [
      fact('Ticket-t1', openedAt, { type: 'TicketOpened', data: { ticketId: 't1', clientId: 'c1', channel: 'chat', priority: 'URGENT', subject: 'Down', openedAt } }),
      fact('Ticket-t1', '2026-04-01T00:05:00Z', { type: 'FirstResponseRecorded', data: { ticketId: 't1', responderId: 'a', openedAt, respondedAt: '2026-04-01T00:05:00Z' } }),
      fact('Ticket-t1', '2026-04-01T01:00:00Z', { type: 'TicketResolved', data: { ticketId: 't1', openedAt, resolvedAt: '2026-04-01T01:00:00Z', resolutionCount: 1 } }),
      fact('Ticket-t1', '2026-04-02T00:00:00Z', { type: 'TicketReopened', data: { ticketId: 't1', reopenedAt: '2026-04-02T00:00:00Z' } }),
      fact('Ticket-t1', '2026-04-03T00:00:00Z', { type: 'TicketResolved', data: { ticketId: 't1', openedAt, resolvedAt: '2026-04-03T00:00:00Z', resolutionCount: 2 } }),
      fact('Ticket-orphan', '2026-04-03T00:00:00Z', { type: 'TicketReopened', data: { ticketId: 'orphan', reopenedAt: '2026-04-03T00:00:00Z' } }),
    ]);
    const found = await scenario.reads.getMany<TicketDocument>('tickets', ['t1', 'orphan']);
    expect(found.get('t1')?.document).toEqual({
      _id: 't1',
      _events: 5,
      ticketId: 't1',
      clientId: 'c1',
      channel: 'chat',
      priority: 'URGENT',
      subject: 'Down',
      openedAt: '2026-04-01T00:00:00.000Z',
      firstRespondedAt: '2026-04-01T00:05:00.000Z',
      status: 'resolved',
      resolvedAts: ['2026-04-01T01:00:00.000Z', '2026-04-03T00:00:00.000Z'],
      lastResolvedAt: '2026-04-03T00:00:00.000Z',
      reopenCount: 1,
    });
    expect(found.has('orphan')).toBe(false);
  });
});
