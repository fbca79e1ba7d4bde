import { afterEach, describe, expect, it } from 'vitest';
import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import { fact, projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { supportProjections } from './index';
import { csat, nps } from './satisfaction.queries';
import { firstResponseTime, resolutionTime, ticketVolume } from './ticket.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };
const march = { from: '2026-03-01', to: '2026-04-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

const stream = (ticketId: string) => `Ticket-${ticketId}`;
const opened = (ticketId: string, at: string, channel: TicketChannel = 'email', priority: TicketPriority = 'LOW', clientId = 'c1') =>
  fact(stream(ticketId), at, { type: 'TicketOpened', data: { ticketId, clientId, channel, priority, subject: 'Help', openedAt: at } });
const responded = (ticketId: string, openedAt: string, at: string) =>
  fact(stream(ticketId), at, { type: 'FirstResponseRecorded', data: { ticketId, responderId: 'agent', openedAt, respondedAt: at } });
const resolved = (ticketId: string, openedAt: string, at: string, resolutionCount = 1) =>
  fact(stream(ticketId), at, { type: 'TicketResolved', data: { ticketId, openedAt, resolvedAt: at, resolutionCount } });
const reopened = (ticketId: string, at: string) => fact(stream(ticketId), at, { type: 'TicketReopened', data: { ticketId, reopenedAt: at } });
const rated = (ticketId: string, ratingId: string, at: string, score: number) =>
  fact(stream(ticketId), at, { type: 'CsatRated', data: { ticketId, clientId: 'c1', ratingId, score, comment: null } });
const npsAnswer = (responseId: string, at: string, score: number) =>
  fact(`NpsResponse-${responseId}`, at, { type: 'NpsResponded', data: { responseId, clientId: 'c1', score, comment: null } });

describe('support KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]) => (scenario = await projectScenario(supportProjections, facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('counts tickets opened in the Brisbane month, by channel, priority and client', async () => {
    const context = await given([
      opened('t1', '2026-03-31T15:00:00.000Z', 'email', 'HIGH', 'c1'), // 1 April 01:00 in Brisbane
      opened('t2', '2026-03-31T13:59:59.000Z', 'chat', 'HIGH', 'c2'), // 31 March 23:59:59: March
      opened('t3', '2026-04-10T00:00:00.000Z', 'chat', 'LOW', 'c2'),
      opened('t4', '2026-04-30T14:00:00.000Z', 'phone', 'LOW', 'c1'), // 1 May 00:00: May
      opened('t5', '2026-04-20T00:00:00.000Z', 'email', 'LOW', 'c1'),
    ]);
    const { value, eventCount, position } = await ticketVolume(context, april);
    // April: t1, t3, t5.
    expect(value).toEqual({ opened: 3, byChannel: { email: 2, chat: 1 }, byPriority: { HIGH: 1, LOW: 2 }, byClient: { c1: 2, c2: 1 } });
    expect(eventCount).toBe(3);
    expect(position).not.toBeNull();
  });

  it('reports zero tickets and empty breakdowns for a period without tickets', async () => {
    const context = await given([opened('t1', '2026-04-10T00:00:00.000Z')]);
    expect((await ticketVolume(context, june)).value).toEqual({ opened: 0, byChannel: {}, byPriority: {}, byClient: {} });
  });

  it('measures first response over tickets answered in the period, wherever they were opened', async () => {
    const context = await given([
      opened('t1', '2026-03-31T15:00:00.000Z'),
      responded('t1', '2026-03-31T15:00:00.000Z', '2026-03-31T15:10:00.000Z'), // 10 min
      opened('t2', '2026-03-31T13:59:59.000Z'), // opened in March (Brisbane)...
      responded('t2', '2026-03-31T13:59:59.000Z', '2026-03-31T14:29:59.000Z'), // ...answered 1 April 00:29:59: 30 min
      opened('t3', '2026-04-10T00:00:00.000Z'),
      responded('t3', '2026-04-10T00:00:00.000Z', '2026-04-10T02:00:00.000Z'), // 120 min
      opened('t4', '2026-04-20T00:00:00.000Z'),
      responded('t4', '2026-04-20T00:00:00.000Z', '2026-04-20T00:20:00.000Z'), // 20 min
      opened('t5', '2026-04-30T14:00:00.000Z'),
      responded('t5', '2026-04-30T14:00:00.000Z', '2026-04-30T14:05:00.000Z'), // May
      opened('t6', '2026-04-21T00:00:00.000Z'), // never answered
    ]);
    // [10, 20, 30, 120]: median (20 + 30) / 2 = 25; p90 rank 0.9 × 3 = 2.7 → 30 + 0.7 × (120 − 30) = 93.
    const { value } = await firstResponseTime(context, april);
    expect(value.tickets).toBe(4);
    expect(value.medianMinutes).toBe(25);
    expect(value.p90Minutes).toBeCloseTo(93, 9);
    expect((await firstResponseTime(context, june)).value).toEqual({ tickets: 0, medianMinutes: null, p90Minutes: null });
  });

  it('measures a reopened ticket once per period, from its opening to its latest resolution in the period', async () => {
    const context = await given([
      opened('t1', '2026-03-31T15:00:00.000Z'),
      resolved('t1', '2026-03-31T15:00:00.000Z', '2026-04-01T00:00:00.000Z'), // 540 min, superseded below
      reopened('t1', '2026-04-02T00:00:00.000Z'),
      resolved('t1', '2026-03-31T15:00:00.000Z', '2026-04-03T15:00:00.000Z', 2), // 3 days: 4320 min
      opened('t3', '2026-04-10T00:00:00.000Z'),
      resolved('t3', '2026-04-10T00:00:00.000Z', '2026-04-10T06:00:00.000Z'), // 360 min
      opened('t6', '2026-03-01T00:00:00.000Z'),
      resolved('t6', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'), // March: 1440 min
      reopened('t6', '2026-04-05T00:00:00.000Z'),
      resolved('t6', '2026-03-01T00:00:00.000Z', '2026-04-15T00:00:00.000Z', 2), // April: 45 days = 64 800 min
      opened('t7', '2026-04-01T00:00:00.000Z'),
      resolved('t7', '2026-04-01T00:00:00.000Z', '2026-04-30T14:00:00.000Z'), // 1 May in Brisbane
    ]);
    // April [360, 4320, 64800]: median 4320; p90 rank 1.8 → 4320 + 0.8 × (64800 − 4320) = 52 704.
    expect((await resolutionTime(context, april)).value).toEqual({ tickets: 3, medianMinutes: 4320, p90Minutes: 52_704 });
    // March: t6's first resolution only.
    expect((await resolutionTime(context, march)).value).toEqual({ tickets: 1, medianMinutes: 1440, p90Minutes: 1440 });
    expect((await resolutionTime(context, june)).value).toEqual({ tickets: 0, medianMinutes: null, p90Minutes: null });
  });

  it('measures a ticket whose resolutions were recorded out of time order by its latest resolution as recorded, on both paths', async () => {
    const context = await given([
      opened('t1', '2026-04-01T00:00:00.000Z'),
      resolved('t1', '2026-04-01T00:00:00.000Z', '2026-04-20T00:00:00.000Z'),
      reopened('t1', '2026-04-21T00:00:00.000Z'),
      // Synced late: a resolution that happened before the one recorded first.
      resolved('t1', '2026-04-01T00:00:00.000Z', '2026-04-10T00:00:00.000Z', 2),
      opened('t2', '2026-04-01T00:00:00.000Z'),
      resolved('t2', '2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z'),
    ]);
    const scan = { ...context, path: 'scan' as const };
    const firstHalf = { from: '2026-04-01', to: '2026-04-15' };
    const secondHalf = { from: '2026-04-15', to: '2026-05-01' };
    for (const period of [april, firstHalf, secondHalf]) {
      const [fromSums, fromScan] = [await resolutionTime(context, period), await resolutionTime(scan, period)];
      expect({ period, value: fromSums.value, eventCount: fromSums.eventCount }).toEqual({ period, value: fromScan.value, eventCount: fromScan.eventCount });
    }
    // April: t1 by its latest resolution as recorded (10 April: 12,960 min), t2 1,440 min.
    expect((await resolutionTime(context, april)).value).toMatchObject({ tickets: 2, medianMinutes: (1_440 + 12_960) / 2 });
    // From 15 April only the 20 April resolution is in the period: 27,360 min.
    expect((await resolutionTime(context, secondHalf)).value).toEqual({ tickets: 1, medianMinutes: 27_360, p90Minutes: 27_360 });
  });

  it('rates satisfaction as ratings of 4 or 5 over all ratings given in the period', async () => {
    const context = await given([
      opened('t1', '2026-03-01T00:00:00.000Z'),
      rated('t1', 'r1', '2026-03-31T13:00:00.000Z', 5), // March
      rated('t1', 'r2', '2026-03-31T15:00:00.000Z', 1), // 1 April in Brisbane
      rated('t1', 'r3', '2026-04-05T00:00:00.000Z', 5),
      rated('t1', 'r4', '2026-04-06T00:00:00.000Z', 4),
      rated('t1', 'r5', '2026-04-07T00:00:00.000Z', 3),
      rated('t1', 'r6', '2026-04-08T00:00:00.000Z', 5),
    ]);
    // April: [1, 5, 4, 3, 5] → 3 satisfied ÷ 5 = 0.6.
    const april_ = await csat(context, april);
    expect(april_.value).toEqual({ rate: 0.6, satisfied: 3, ratings: 5 });
    expect(april_.eventCount).toBe(5);
    expect((await csat(context, march)).value).toEqual({ rate: 1, satisfied: 1, ratings: 1 });
    expect((await csat(context, june)).value).toEqual({ rate: null, satisfied: 0, ratings: 0 });
  });

  it('scores NPS as % promoters minus % detractors, null without responses', async () => {
    const context = await given(
      [10, 9, 9, 8, 7, 6, 0].map((score, index) => npsAnswer(`n${index}`, `2026-04-${10 + index}T00:00:00.000Z`, score)).concat([
        npsAnswer('late', '2026-04-30T14:00:00.000Z', 0), // 1 May in Brisbane
      ]),
    );
    // 3 promoters, 2 passives, 2 detractors of 7: (3 − 2) ÷ 7 × 100 = 14.29.
    const { value } = await nps(context, april);
    expect(value).toMatchObject({ promoters: 3, passives: 2, detractors: 2, responses: 7 });
    expect(value.score).toBeCloseTo(100 / 7, 9);
    expect((await nps(context, june)).value).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, responses: 0 });
  });
});
