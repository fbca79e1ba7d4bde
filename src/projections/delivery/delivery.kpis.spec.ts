import { afterEach, describe, expect, it } from 'vitest';
import { projectCancelled, projectCompleted, projectStarted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { deliveryProjections } from './index';
import { activeProjects, averageProjectDurationDays, onTimeDeliveryRate, projectsCompleted } from './projects.queries';

const march = { from: '2026-03-01', to: '2026-04-01' };
const april = { from: '2026-04-01', to: '2026-05-01' };

/**
 * p1 STARTER       2026-02-10 → completed 2026-03-10, due 03-15: on time, 28 days
 * p2 PROFESSIONAL  2026-03-02 → completed 2026-03-31 (recorded 04-01 03:00 UTC), due 03-20: late, 29 days
 * p3 ENTERPRISE    2026-03-05, still running
 * p4 PROFESSIONAL  2026-03-01, cancelled 2026-03-31T15:00Z = 1 April 01:00 in Brisbane
 * p5 STARTER       2026-01-10, cancelled 2026-03-20
 * p6 ENTERPRISE    starts 2026-04-01 (2026-03-31T14:30Z in UTC)
 * p7 PROFESSIONAL  2026-03-03 → completed 2026-04-01 (2026-03-31T15:00Z): 29 days, due 12-31
 */
const portfolio = [
  projectStarted('2026-02-10T00:00:00Z', { projectId: 'p1', tier: 'STARTER', startedOn: '2026-02-10', dueOn: '2026-03-15' }),
  projectCompleted('2026-03-10T05:00:00Z', 'p1', '2026-03-10'),
  projectStarted('2026-03-02T00:00:00Z', { projectId: 'p2', tier: 'PROFESSIONAL', startedOn: '2026-03-02', dueOn: '2026-03-20' }),
  projectCompleted('2026-04-01T03:00:00Z', 'p2', '2026-03-31'),
  projectStarted('2026-03-05T00:00:00Z', { projectId: 'p3', tier: 'ENTERPRISE', startedOn: '2026-03-05' }),
  projectStarted('2026-03-01T00:00:00Z', { projectId: 'p4', tier: 'PROFESSIONAL', startedOn: '2026-03-01' }),
  projectCancelled('2026-03-31T15:00:00Z', 'p4'),
  projectStarted('2026-01-10T00:00:00Z', { projectId: 'p5', tier: 'STARTER', startedOn: '2026-01-10' }),
  projectCancelled('2026-03-20T00:00:00Z', 'p5'),
  projectStarted('2026-03-31T14:30:00Z', { projectId: 'p6', tier: 'ENTERPRISE', startedOn: '2026-04-01' }),
  projectStarted('2026-03-03T00:00:00Z', { projectId: 'p7', tier: 'PROFESSIONAL', startedOn: '2026-03-03' }),
  projectCompleted('2026-03-31T15:00:00Z', 'p7', '2026-04-01'),
];

describe('service delivery KPIs: projects', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());

  it('counts projects active at the end of the period by tier, cancellations placed by Brisbane time', async () => {
    scenario = await projectScenario(deliveryProjections, portfolio);
    // End of March: p3 (ENTERPRISE), p4 (cancelled on 1 April in Brisbane) and p7 (completed 1 April) are open.
    const result = await activeProjects(scenario.context, march);
    expect(result.value).toEqual({ total: 3, byTier: { STARTER: 0, PROFESSIONAL: 2, ENTERPRISE: 1 } });
    // p3: 1 event, p4: 2, p7: 2.
    expect(result.eventCount).toBe(5);
    expect(result.position).not.toBeNull();
    // End of April: p3 and p6.
    expect((await activeProjects(scenario.context, april)).value).toEqual({ total: 2, byTier: { STARTER: 0, PROFESSIONAL: 0, ENTERPRISE: 2 } });
  });

  it('counts projects by the completion date they carry', async () => {
    scenario = await projectScenario(deliveryProjections, portfolio);
    // March: p1 (03-10) and p2 (03-31, although recorded on 1 April); April: p7.
    const result = await projectsCompleted(scenario.context, march);
    expect(result.value).toBe(2);
    expect(result.eventCount).toBe(4);
    expect((await projectsCompleted(scenario.context, april)).value).toBe(1);
  });

  it('averages the duration in calendar days of projects completed in the period, by tier', async () => {
    scenario = await projectScenario(deliveryProjections, portfolio);
    // p1: 02-10 → 03-10 = 28 days; p2: 03-02 → 03-31 = 29 days; mean (28 + 29) / 2 = 28.5.
    expect((await averageProjectDurationDays(scenario.context, march)).value).toEqual({ days: 28.5, byTier: { STARTER: 28, PROFESSIONAL: 29, ENTERPRISE: null } });
    // p7: 03-03 → 04-01 = 29 days.
    expect((await averageProjectDurationDays(scenario.context, april)).value).toEqual({ days: 29, byTier: { STARTER: null, PROFESSIONAL: 29, ENTERPRISE: null } });
  });

  it('rates delivery on time when the completion date is on or before the due date', async () => {
    scenario = await projectScenario(deliveryProjections, [
      ...portfolio,
      projectStarted('2026-03-02T00:00:00Z', { projectId: 'p8', tier: 'STARTER', startedOn: '2026-03-02', dueOn: '2026-03-25' }),
      projectCompleted('2026-03-25T07:00:00Z', 'p8', '2026-03-25'),
    ]);
    // March: p1 on time, p2 late (03-31 > 03-20), p8 on its due date → 2 / 3.
    expect((await onTimeDeliveryRate(scenario.context, march)).value).toEqual({ rate: 2 / 3, onTime: 2, completed: 3 });
  });

  it('gives zero counts and null averages and rates for a period without projects', async () => {
    scenario = await projectScenario(deliveryProjections, portfolio);
    const empty = { from: '2025-06-01', to: '2025-07-01' };
    expect((await activeProjects(scenario.context, empty)).value).toEqual({ total: 0, byTier: { STARTER: 0, PROFESSIONAL: 0, ENTERPRISE: 0 } });
    expect((await projectsCompleted(scenario.context, empty)).value).toBe(0);
    expect((await averageProjectDurationDays(scenario.context, empty)).value).toEqual({ days: null, byTier: { STARTER: null, PROFESSIONAL: null, ENTERPRISE: null } });
    const onTime = await onTimeDeliveryRate(scenario.context, empty);
    expect(onTime.value).toEqual({ rate: null, onTime: 0, completed: 0 });
    expect(onTime.eventCount).toBe(0);
  });
});
