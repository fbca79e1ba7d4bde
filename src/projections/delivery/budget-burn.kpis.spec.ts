import { afterEach, describe, expect, it } from 'vitest';
import { hoursLogged, projectCancelled, projectCompleted, projectStarted, timeEntryCorrected, timeEntryDeleted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { budgetBurn } from './budget-burn.queries';
import { deliveryProjections } from './index';

const march = { from: '2026-03-01', to: '2026-04-01' };
const e = (entryId: string, projectId: string, workDate: string, hours: number, costRateCents = 8_000, billable = true) =>
  ({ entryId, projectId, consultantId: 'k1', workDate, hours, costRateCents, billable });

const projects = [
  projectStarted('2026-02-02T00:00:00Z', { projectId: 'p1', startedOn: '2026-02-02', budgetHours: 100, budgetAmountCents: 1_000_000 }),
  hoursLogged('2026-02-20T07:00:00Z', e('e1', 'p1', '2026-02-20', 10)),
  hoursLogged('2026-03-10T07:00:00Z', e('e2', 'p1', '2026-03-10', 15.5, 9_000, false)),
  hoursLogged('2026-04-02T07:00:00Z', e('e3', 'p1', '2026-04-02', 8)),
  hoursLogged('2026-03-11T07:00:00Z', e('e4', 'p1', '2026-03-11', 5)),
  timeEntryDeleted('2026-03-12T07:00:00Z', e('e4', 'p1', '2026-03-11', 5)),
  hoursLogged('2026-03-12T07:00:00Z', e('e5', 'p1', '2026-03-12', 4)),
  timeEntryCorrected('2026-03-13T07:00:00Z', e('e5', 'p1', '2026-03-12', 2), { workDate: '2026-03-12', hours: 4, billable: true }),
  projectStarted('2026-03-02T00:00:00Z', { projectId: 'p2', startedOn: '2026-03-02', budgetHours: 0, budgetAmountCents: 0 }),
  hoursLogged('2026-03-05T07:00:00Z', e('e6', 'p2', '2026-03-05', 3)),
  projectStarted('2026-02-02T00:00:00Z', { projectId: 'p3', startedOn: '2026-02-02', budgetHours: 10, budgetAmountCents: 100_000 }),
  projectCompleted('2026-02-27T07:00:00Z', 'p3', '2026-02-27'),
  // Cancelled at 00:30 on 1 March in Brisbane: it was still open during March.
  projectStarted('2026-02-02T00:00:00Z', { projectId: 'p4', startedOn: '2026-02-02', budgetHours: 10, budgetAmountCents: 100_000 }),
  hoursLogged('2026-02-10T07:00:00Z', e('e7', 'p4', '2026-02-10', 2)),
  projectCancelled('2026-02-28T14:30:00Z', 'p4'),
  projectStarted('2026-03-31T14:30:00Z', { projectId: 'p5', startedOn: '2026-04-01', budgetHours: 10, budgetAmountCents: 100_000 }),
];

describe('service delivery KPIs: budget burn', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());

  it('burns all hours and their cost logged up to the end of the period, for projects open during it', async () => {
    scenario = await projectScenario(deliveryProjections, projects);
    const result = await budgetBurn(scenario.context, march);
    // p3 closed in February, p5 starts in April (Brisbane): not listed.
    expect(Object.keys(result.value).sort()).toEqual(['p1', 'p2', 'p4']);
    // p1: e1 10 + e2 15.5 (non-billable counts) + e5 2 (corrected from 4) = 27.5 h of 100 → 0.275;
    // e3 is after March, e4 deleted. Cost 10 × 8000 + 15.5 × 9000 + 2 × 8000 = 235 500 of 1 000 000 → 0.2355.
    expect(result.value.p1).toMatchObject({ budgetHours: 100, loggedHours: 27.5, hoursBurn: 0.275, budgetAmountCents: 1_000_000, loggedCostCents: 235_500, costBurn: 0.2355, currency: 'AUD' });
    // p4: 2 h of 10 → 0.2; 2 × 8000 = 16 000 of 100 000 → 0.16.
    expect(result.value.p4).toMatchObject({ loggedHours: 2, hoursBurn: 0.2, loggedCostCents: 16_000, costBurn: 0.16 });
  });

  it('gives null burn for a project without a budget', async () => {
    scenario = await projectScenario(deliveryProjections, projects);
    const result = await budgetBurn(scenario.context, march, { projectId: 'p2' });
    // 3 h × 8000 = 24 000 cents logged against budgets of 0.
    expect(result.value).toEqual({
      p2: { projectId: 'p2', name: 'Project p2', tier: 'PROFESSIONAL', budgetHours: 0, loggedHours: 3, hoursBurn: null, budgetAmountCents: 0, loggedCostCents: 24_000, costBurn: null, currency: 'AUD' },
    });
    // p2's start and e6.
    expect(result.eventCount).toBe(2);
  });

  it('rounds the cost to whole cents once, over the total', async () => {
    scenario = await projectScenario(deliveryProjections, [
      projectStarted('2026-03-02T00:00:00Z', { projectId: 'p9', budgetHours: 1, budgetAmountCents: 10_000 }),
      hoursLogged('2026-03-02T07:00:00Z', e('x1', 'p9', '2026-03-02', 0.33, 10_001)),
      hoursLogged('2026-03-02T07:00:00Z', e('x2', 'p9', '2026-03-02', 0.33, 10_001)),
    ]);
    // 0.66 h × 10 001 = 6600.66 → 6601 cents (per entry, 3300.33 rounded twice would give 6600).
    expect((await budgetBurn(scenario.context, march)).value.p9).toMatchObject({ loggedHours: 0.66, hoursBurn: 0.66, loggedCostCents: 6_601, costBurn: 0.6601 });
  });

  it('lists nothing for a period before any project', async () => {
    scenario = await projectScenario(deliveryProjections, projects);
    expect((await budgetBurn(scenario.context, { from: '2025-01-01', to: '2025-02-01' })).value).toEqual({});
  });
});
