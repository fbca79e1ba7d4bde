import { afterEach, describe, expect, it } from 'vitest';
import { capacityChanged, consultantDeactivated, consultantRegistered, ratesChanged, timeOffRecorded } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { type ConsultantDocument, consultantsProjection } from './consultants.projection';

describe('consultants read model', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());
  const consultant = async (id: string) => (await scenario.reads.getMany<ConsultantDocument>('consultants', [id])).get(id)?.document;

  it('keeps the capacity history with the instants each capacity took effect', async () => {
    scenario = await projectScenario([consultantsProjection], [
      consultantRegistered('2026-03-01T22:00:00Z', 'k1', 40),
      capacityChanged('2026-03-16T09:00:00+10:00', 'k1', 20, 40),
    ]);
    expect(await consultant('k1')).toMatchObject({
      weeklyCapacityHours: 20,
      registeredAt: '2026-03-01T22:00:00.000Z',
      capacityHistory: [
        { from: '2026-03-01T22:00:00.000Z', weeklyCapacityHours: 40 },
        { from: '2026-03-15T23:00:00.000Z', weeklyCapacityHours: 20 },
      ],
    });
  });

  it('closes the active interval when the consultant is deactivated', async () => {
    scenario = await projectScenario([consultantsProjection], [
      consultantRegistered('2026-03-01T22:00:00Z', 'k1'),
      consultantDeactivated('2026-03-20T07:00:00Z', 'k1'),
    ]);
    expect(await consultant('k1')).toMatchObject({
      deactivatedAt: '2026-03-20T07:00:00.000Z',
      activeIntervals: [{ from: '2026-03-01T22:00:00.000Z', to: '2026-03-20T07:00:00.000Z' }],
    });
  });

  it('records time off by date once per time-off id, and the current rates', async () => {
    scenario = await projectScenario([consultantsProjection], [
      consultantRegistered('2026-03-01T22:00:00Z', 'k1'),
      timeOffRecorded('2026-03-02T00:00:00Z', 'k1', 'leave-1', '2026-03-09', 8),
      timeOffRecorded('2026-03-02T00:00:01Z', 'k1', 'leave-1', '2026-03-09', 8),
      timeOffRecorded('2026-03-02T00:00:02Z', 'k1', 'leave-2', '2026-03-10', 4),
      ratesChanged('2026-03-03T00:00:00Z', 'k1', 9_000, 22_000),
    ]);
    expect(await consultant('k1')).toMatchObject({
      costRateCents: 9_000,
      billRateCents: 22_000,
      timeOff: [
        { timeOffId: 'leave-1', date: '2026-03-09', hours: 8 },
        { timeOffId: 'leave-2', date: '2026-03-10', hours: 4 },
      ],
    });
  });
});
