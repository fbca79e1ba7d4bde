import { afterEach, describe, expect, it } from 'vitest';
import { hoursLogged, timeEntryCorrected, timeEntryDeleted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { periodOf } from '../shared/kpi';
import { deliveryProjections } from './index';
import { billableHours, timeEntriesInPeriod } from './time.queries';

const march = { from: '2026-03-01', to: '2026-04-01' };
const april = { from: '2026-04-01', to: '2026-05-01' };
const e = (entryId: string, consultantId: string, projectId: string, workDate: string, hours: number, billable = true) => ({ entryId, consultantId, projectId, workDate, hours, billable });

const timesheet = [
  hoursLogged('2026-03-02T07:00:00Z', e('e1', 'k1', 'p1', '2026-03-02', 6.5)),
  hoursLogged('2026-03-03T07:00:00Z', e('e2', 'k1', 'p1', '2026-03-03', 1.25)),
  hoursLogged('2026-03-03T07:00:00Z', e('e3', 'k1', 'p1', '2026-03-03', 2, false)),
  // Logged on 1 April in Brisbane for work done on 31 March: the work date decides.
  hoursLogged('2026-03-31T15:00:00Z', e('e4', 'k2', 'p2', '2026-03-31', 3)),
  hoursLogged('2026-04-01T07:00:00Z', e('e5', 'k2', 'p2', '2026-04-01', 5)),
  hoursLogged('2026-03-10T07:00:00Z', e('e6', 'k2', 'p1', '2026-03-10', 4)),
  timeEntryCorrected('2026-04-02T07:00:00Z', e('e6', 'k2', 'p1', '2026-04-02', 4), { workDate: '2026-03-10', hours: 4, billable: true }),
  hoursLogged('2026-03-12T07:00:00Z', e('e7', 'k1', 'p2', '2026-03-12', 2)),
  timeEntryCorrected('2026-03-13T07:00:00Z', e('e7', 'k1', 'p2', '2026-03-12', 3.5), { workDate: '2026-03-12', hours: 2, billable: true }),
  hoursLogged('2026-03-13T07:00:00Z', e('e8', 'k1', 'p1', '2026-03-13', 1)),
  timeEntryDeleted('2026-03-14T07:00:00Z', e('e8', 'k1', 'p1', '2026-03-13', 1)),
  hoursLogged('2026-03-16T07:00:00Z', e('e9', 'k2', 'p2', '2026-03-16', 2, false)),
  timeEntryCorrected('2026-03-16T08:00:00Z', e('e9', 'k2', 'p2', '2026-03-16', 2), { workDate: '2026-03-16', hours: 2, billable: false }),
  hoursLogged('2026-03-17T07:00:00Z', e('e10', 'k1', 'p1', '2026-03-17', 0.1)),
  hoursLogged('2026-03-17T07:00:00Z', e('e11', 'k1', 'p1', '2026-03-17', 0.2)),
];

describe('service delivery KPIs: billable hours', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());

  it('sums billable hours by work date after corrections and deletions, by project and consultant', async () => {
    scenario = await projectScenario(deliveryProjections, timesheet);
    // March, billable: e1 6.5 + e2 1.25 + e4 3 + e7 3.5 (corrected from 2) + e9 2 (made billable) + e10 0.1 + e11 0.2
    // = 16.55. Out: e3 (not billable), e5 (April), e6 (moved to April), e8 (deleted).
    // k1: 6.5 + 1.25 + 3.5 + 0.1 + 0.2 = 11.55; k2: 3 + 2 = 5. p1: 6.5 + 1.25 + 0.1 + 0.2 = 8.05; p2: 3.5 + 3 + 2 = 8.5.
    const result = await billableHours(scenario.context, march);
    expect(result.value).toEqual({ totalHours: 16.55, byProject: { p1: 8.05, p2: 8.5 }, byConsultant: { k1: 11.55, k2: 5 } });
    // Buckets count each live entry's latest fact: e1, e2, e4, e7, e9, e10, e11.
    expect(result.eventCount).toBe(7);
    // The scan path counts every event folded into those entries: e7 and e9 have 2 each.
    const scanned = await billableHours({ ...scenario.context, path: 'scan' }, march);
    expect(scanned).toEqual({ ...result, eventCount: 9, position: scanned.position });
  });

  it('moves a corrected entry to the period of its new work date', async () => {
    scenario = await projectScenario(deliveryProjections, timesheet);
    // April: e5 5 + e6 4 (moved from 10 March to 2 April).
    expect((await billableHours(scenario.context, april)).value).toEqual({ totalHours: 9, byProject: { p1: 4, p2: 5 }, byConsultant: { k2: 9 } });
  });

  it('has zero hours and empty breakdowns for a period without time', async () => {
    scenario = await projectScenario(deliveryProjections, timesheet);
    const result = await billableHours(scenario.context, { from: '2026-02-01', to: '2026-03-01' });
    expect(result.value).toEqual({ totalHours: 0, byProject: {}, byConsultant: {} });
    expect(result.eventCount).toBe(0);
  });

  it('hands other areas the live entries of a period, narrowed by a filter', async () => {
    scenario = await projectScenario(deliveryProjections, timesheet);
    const k1 = await timeEntriesInPeriod(scenario.context, periodOf(scenario.context, march), { consultantId: 'k1' });
    // k1 in March, billable or not: e1, e2, e3, e7, e10, e11 (e8 was deleted).
    expect(k1.map((entry) => entry.entryId).sort()).toEqual(['e1', 'e10', 'e11', 'e2', 'e3', 'e7']);
  });
});
