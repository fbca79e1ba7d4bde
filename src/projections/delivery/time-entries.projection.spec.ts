import { afterEach, describe, expect, it } from 'vitest';
import { hoursLogged, timeEntryCorrected, timeEntryDeleted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { type TimeEntryDocument, timeEntriesProjection } from './time-entries.projection';

const entry = { entryId: 'e1', projectId: 'p1', consultantId: 'k1', workDate: '2026-03-03', hours: 6.5 };

describe('time entries read model', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());
  const entries = async () => (await scenario.reads.find<TimeEntryDocument>('time_entries', { filter: { workDate: { $gte: '0000' } } })).documents;

  it('keeps a logged entry with its rates and the instant it was logged', async () => {
    scenario = await projectScenario([timeEntriesProjection], [hoursLogged('2026-03-03T07:00:00Z', entry)]);
    expect(await entries()).toEqual([
      {
        _id: 'e1', _events: 1, entryId: 'e1', projectId: 'p1', clientId: 'client-1', consultantId: 'k1', workDate: '2026-03-03', hours: 6.5,
        billable: true, billRateCents: 20_000, costRateCents: 8_000, currency: 'AUD', loggedAt: '2026-03-03T07:00:00.000Z', correctedAt: null,
      },
    ]);
  });

  it('replaces the values of a corrected entry and keeps when it was first logged', async () => {
    scenario = await projectScenario([timeEntriesProjection], [
      hoursLogged('2026-03-03T07:00:00Z', entry),
      timeEntryCorrected('2026-03-05T01:00:00Z', { ...entry, workDate: '2026-03-04', hours: 4, billable: false }, { workDate: '2026-03-03', hours: 6.5, billable: true }),
    ]);
    expect(await entries()).toEqual([
      expect.objectContaining({ workDate: '2026-03-04', hours: 4, billable: false, loggedAt: '2026-03-03T07:00:00.000Z', correctedAt: '2026-03-05T01:00:00.000Z', _events: 2 }),
    ]);
  });

  it('removes a deleted entry and leaves the others', async () => {
    scenario = await projectScenario([timeEntriesProjection], [
      hoursLogged('2026-03-03T07:00:00Z', entry),
      hoursLogged('2026-03-03T08:00:00Z', { ...entry, entryId: 'e2', hours: 1 }),
      timeEntryDeleted('2026-03-04T01:00:00Z', entry),
    ]);
    expect((await entries()).map((document) => document.entryId)).toEqual(['e2']);
  });
});
