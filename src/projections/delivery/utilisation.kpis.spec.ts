import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioFact } from '../../testing/projection-scenario';
import { capacityChanged, consultantDeactivated, consultantRegistered, hoursLogged, timeEntryCorrected, timeEntryDeleted, timeOffRecorded } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { deliveryProjections } from './index';
import { billableUtilisation } from './utilisation.queries';

// March 2026 has 22 working days (2–6, 9–13, 16–20, 23–27, 30, 31); April 2026 has 22 too.
const march = { from: '2026-03-01', to: '2026-04-01' };
const april = { from: '2026-04-01', to: '2026-05-01' };

/** `count` billable entries of `hours` on the working days of March from the 2nd. */
function billableDays(consultantId: string, count: number, hours: number): ScenarioFact[] {
  const days = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30', '31'];
  return days.slice(0, count).map((day) =>
    hoursLogged(`2026-03-${day}T07:00:00Z`, { entryId: `${consultantId}-${day}`, projectId: 'p1', consultantId, workDate: `2026-03-${day}`, hours }),
  );
}

describe('service delivery KPIs: billable utilisation', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());

  it('subtracts time off on working days and ignores time off on weekends', async () => {
    scenario = await projectScenario(deliveryProjections, [
      consultantRegistered('2026-02-01T00:00:00Z', 'k1', 40),
      timeOffRecorded('2026-02-20T00:00:00Z', 'k1', 'leave-1', '2026-03-09', 8),
      timeOffRecorded('2026-02-20T00:00:00Z', 'k1', 'leave-2', '2026-03-14', 4),
      ...billableDays('k1', 16, 8.4),
      hoursLogged('2026-03-20T07:00:00Z', { entryId: 'internal', projectId: 'p1', consultantId: 'k1', workDate: '2026-03-20', hours: 10, billable: false }),
    ]);
    // Available 40 / 5 × 22 − 8 (Monday 9th; Saturday 14th reduces nothing) = 168. Billable 16 × 8.4 = 134.4 → 0.8.
    const result = await billableUtilisation(scenario.context, march);
    expect(result.value.byConsultant.k1).toEqual({ consultantId: 'k1', name: 'Consultant k1', billableHours: 134.4, availableHours: 168, utilisation: 0.8 });
    // The consultant document (registration + 2 time offs) and 16 billable entries.
    expect(result.eventCount).toBe(19);
  });

  it('takes the capacity in effect on each Brisbane day, even when the change falls on another UTC date', async () => {
    scenario = await projectScenario(deliveryProjections, [
      consultantRegistered('2026-02-01T00:00:00Z', 'k2', 40),
      // 2026-03-19T14:30Z is Friday 20 March 00:30 in Brisbane (Thursday 19th in UTC).
      capacityChanged('2026-03-19T14:30:00Z', 'k2', 20, 40),
      ...billableDays('k2', 9, 8),
    ]);
    // 2–19 March: 14 days × 8 = 112; 20–31 March: 8 days × 4 = 32 → 144. Billable 9 × 8 = 72 → 0.5.
    // (Changing on the UTC date would give 13 × 8 + 9 × 4 = 140.)
    expect((await billableUtilisation(scenario.context, march)).value.byConsultant.k2).toMatchObject({ availableHours: 144, billableHours: 72, utilisation: 0.5 });
  });

  it('gives no capacity before registration or after deactivation, placed in Brisbane days', async () => {
    scenario = await projectScenario(deliveryProjections, [
      // Registered on 1 April 01:00 in Brisbane: nothing in March.
      consultantRegistered('2026-03-31T15:00:00Z', 'k3', 40),
      // Deactivated on Friday 6 March 17:00 in Brisbane: active 2–6 March.
      consultantRegistered('2026-01-05T00:00:00Z', 'k4', 40),
      ...billableDays('k4', 4, 5),
      consultantDeactivated('2026-03-06T07:00:00Z', 'k4'),
      // Registered on Wednesday 25 March 08:00 in Brisbane: 25, 26, 27, 30, 31 March.
      consultantRegistered('2026-03-24T22:00:00Z', 'k5', 40),
    ]);
    const inMarch = (await billableUtilisation(scenario.context, march)).value;
    expect(Object.keys(inMarch.byConsultant).sort()).toEqual(['k4', 'k5']);
    // k4: 5 days × 8 = 40, billable 4 × 5 = 20 → 0.5; k5: 5 days × 8 = 40, nothing billed → 0.
    expect(inMarch.byConsultant.k4).toMatchObject({ availableHours: 40, billableHours: 20, utilisation: 0.5 });
    expect(inMarch.byConsultant.k5).toMatchObject({ availableHours: 40, billableHours: 0, utilisation: 0 });
    // April: k3 22 × 8 = 176, k5 22 × 8 = 176; k4 is gone.
    const inApril = (await billableUtilisation(scenario.context, april)).value;
    expect(Object.keys(inApril.byConsultant).sort()).toEqual(['k3', 'k5']);
    expect(inApril.team).toEqual({ billableHours: 0, availableHours: 352, utilisation: 0 });
  });

  it('computes the team as total billable over total available, after corrections and deletions', async () => {
    scenario = await projectScenario(deliveryProjections, [
      consultantRegistered('2026-02-01T00:00:00Z', 'k1', 40),
      consultantRegistered('2026-02-01T00:00:00Z', 'k2', 20),
      ...billableDays('k1', 20, 8),
      ...billableDays('k2', 10, 4),
      // k1's 2 March entry becomes non-billable, k2's 3 March entry is deleted, k2's 4 March goes to 6 h.
      timeEntryCorrected('2026-03-05T00:00:00Z', { entryId: 'k1-02', projectId: 'p1', consultantId: 'k1', workDate: '2026-03-02', hours: 8, billable: false }, { workDate: '2026-03-02', hours: 8, billable: true }),
      timeEntryDeleted('2026-03-05T00:00:00Z', { entryId: 'k2-03', projectId: 'p1', consultantId: 'k2', workDate: '2026-03-03', hours: 4 }),
      timeEntryCorrected('2026-03-05T00:00:00Z', { entryId: 'k2-04', projectId: 'p1', consultantId: 'k2', workDate: '2026-03-04', hours: 6 }, { workDate: '2026-03-04', hours: 4, billable: true }),
    ]);
    // k1: 19 × 8 = 152 of 176 → 0.8636…; k2: 8 × 4 + 6 = 38 of 20 / 5 × 22 = 88 → 0.4318…
    // Team: (152 + 38) / (176 + 88) = 190 / 264.
    const { team, byConsultant } = (await billableUtilisation(scenario.context, march)).value;
    expect(byConsultant.k1).toMatchObject({ billableHours: 152, availableHours: 176, utilisation: 152 / 176 });
    expect(byConsultant.k2).toMatchObject({ billableHours: 38, availableHours: 88, utilisation: 38 / 88 });
    expect(team).toEqual({ billableHours: 190, availableHours: 264, utilisation: 190 / 264 });
  });

  it('gives a null utilisation when nothing was available', async () => {
    scenario = await projectScenario(deliveryProjections, [
      consultantRegistered('2026-01-05T00:00:00Z', 'k6', 40),
      consultantDeactivated('2026-02-27T07:00:00Z', 'k6'),
      // Hours with a March work date from a consultant deactivated in February, and from one never registered.
      hoursLogged('2026-02-26T07:00:00Z', { entryId: 'late', projectId: 'p1', consultantId: 'k6', workDate: '2026-03-02', hours: 3 }),
      hoursLogged('2026-03-02T07:00:00Z', { entryId: 'ghost', projectId: 'p1', consultantId: 'k9', workDate: '2026-03-02', hours: 2 }),
    ]);
    const result = (await billableUtilisation(scenario.context, march)).value;
    expect(result.byConsultant).toEqual({
      k6: { consultantId: 'k6', name: 'Consultant k6', billableHours: 3, availableHours: 0, utilisation: null },
      k9: { consultantId: 'k9', name: null, billableHours: 2, availableHours: 0, utilisation: null },
    });
    expect(result.team).toEqual({ billableHours: 5, availableHours: 0, utilisation: null });
  });

  it('gives an empty team with a null utilisation for a period before anyone was registered', async () => {
    scenario = await projectScenario(deliveryProjections, [consultantRegistered('2026-02-01T00:00:00Z', 'k1', 40)]);
    const result = await billableUtilisation(scenario.context, { from: '2025-01-01', to: '2025-02-01' });
    expect(result.value).toEqual({ team: { billableHours: 0, availableHours: 0, utilisation: null }, byConsultant: {} });
    expect(result.eventCount).toBe(0);
  });
});
