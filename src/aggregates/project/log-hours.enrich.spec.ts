import { describe, expect, it } from 'vitest';
import { fold, type Decider } from '../../core/decider';
import type { DomainEvent } from '../../core/messages';
import type { StateReader } from '../command-route';
import { consultantStream } from '../consultant/consultant.decider';
import type { ConsultantEvent } from '../consultant/consultant.events';
import { enrichLogHours } from './log-hours.enrich';
import type { LogHours } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';

/** A reader over in-memory streams: it folds the real decider, as the command bus does. */
const readerOf =
  (streams: Record<string, readonly DomainEvent[]>): StateReader =>
  async <E extends DomainEvent, S>(decider: Decider<never, E, S>, stream: string) =>
    fold(decider, (streams[stream] ?? []) as E[]);

const registered: ConsultantEvent = {
  type: 'ConsultantRegistered',
  data: { consultantId: 'k-1', name: 'Ada', email: 'ada@zixly.example', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' },
};
const deactivated: ConsultantEvent = { type: 'ConsultantDeactivated', data: { consultantId: 'k-1' } };
const logHours: LogHours = {
  type: 'LogHours',
  occurredAt: '2026-03-10T06:00:00.000Z',
  data: { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-09', hours: 2, billable: true },
};
const projectStarted: ProjectEvent = {
  type: 'ProjectStarted',
  data: { projectId: 'p-1', clientId: 'c-1', tier: 'STARTER', name: 'Audit', budgetHours: 40, budgetAmountCents: 600_000, currency: 'AUD', startedOn: '2026-03-02', dueOn: '2026-03-31' },
};

describe('LogHours enrichment', () => {
  it('fills in an active consultant’s rates and currency', async () => {
    const enriched = await enrichLogHours(logHours, readerOf({ [consultantStream('k-1')]: [registered] }));
    expect(enriched.data.consultant).toEqual({ consultantId: 'k-1', active: true, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' });
  });

  it('marks a deactivated consultant inactive', async () => {
    const enriched = await enrichLogHours(logHours, readerOf({ [consultantStream('k-1')]: [registered, deactivated] }));
    expect(enriched.data.consultant?.active).toBe(false);
  });

  it('reports a consultant who was never registered as null', async () => {
    const enriched = await enrichLogHours(logHours, readerOf({}));
    expect(enriched.data.consultant).toBeNull();
  });

  it('overwrites whatever consultant fact the caller sent', async () => {
    const forged: LogHours = { ...logHours, data: { ...logHours.data, consultant: { consultantId: 'k-1', active: true, costRateCents: 0, billRateCents: 0, currency: 'AUD' } } };
    const enriched = await enrichLogHours(forged, readerOf({ [consultantStream('k-1')]: [registered, deactivated] }));
    expect(enriched.data.consultant).toEqual({ consultantId: 'k-1', active: false, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' });
  });

  it('lets the project decider log hours at the rates read from the consultant', async () => {
    const enriched = await enrichLogHours(logHours, readerOf({ [consultantStream('k-1')]: [registered] }));
    const events = projectDecider.decide(enriched, projectDecider.evolve(projectDecider.initialState, projectStarted));
    expect(events).toEqual([
      {
        type: 'HoursLogged',
        data: { entryId: 'e-1', projectId: 'p-1', clientId: 'c-1', consultantId: 'k-1', workDate: '2026-03-09', hours: 2, billable: true, billRateCents: 15_000, costRateCents: 6_000, currency: 'AUD', description: '' },
      },
    ]);
  });
});
