import { afterEach, describe, expect, it } from 'vitest';
import { projectCancelled, projectCompleted, projectStarted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import type { ProjectDocument } from './projects.projection';
import { projectsProjection } from './projects.projection';

describe('projects read model', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());
  const projectNamed = async (id: string) => (await scenario.reads.getMany<ProjectDocument>('projects', [id])).get(id)?.document;

  it('records a started project with its budget, due date and the tier it started in', async () => {
    scenario = await projectScenario([projectsProjection], [
      projectStarted('2026-03-02T00:30:00+10:00', { projectId: 'p1', clientId: 'c1', tier: 'ENTERPRISE', name: 'Rollout', budgetHours: 120, budgetAmountCents: 2_400_000, dueOn: '2026-04-30' }),
    ]);
    expect(await projectNamed('p1')).toEqual({
      _id: 'p1', _events: 1, projectId: 'p1', clientId: 'c1', tier: 'ENTERPRISE', name: 'Rollout', status: 'ACTIVE',
      startedOn: '2026-03-02', startedAt: '2026-03-01T14:30:00.000Z', completedOn: null, cancelledAt: null, cancelReason: null,
      dueOn: '2026-04-30', budgetHours: 120, budgetAmountCents: 2_400_000, currency: 'AUD',
    });
  });

  it('marks a project completed on the date the completion carries', async () => {
    scenario = await projectScenario([projectsProjection], [
      projectStarted('2026-03-02T00:00:00Z', { projectId: 'p1' }),
      projectCompleted('2026-04-01T03:00:00Z', 'p1', '2026-03-31'),
    ]);
    expect(await projectNamed('p1')).toMatchObject({ status: 'COMPLETED', completedOn: '2026-03-31', cancelledAt: null, _events: 2 });
  });

  it('marks a project cancelled at the instant the cancellation occurred, in UTC', async () => {
    scenario = await projectScenario([projectsProjection], [
      projectStarted('2026-03-02T00:00:00Z', { projectId: 'p1' }),
      projectCancelled('2026-04-01T01:00:00+10:00', 'p1'),
    ]);
    expect(await projectNamed('p1')).toMatchObject({ status: 'CANCELLED', completedOn: null, cancelledAt: '2026-03-31T15:00:00.000Z', cancelReason: 'client paused' });
  });

  it('ignores a completion for a project it never saw start', async () => {
    scenario = await projectScenario([projectsProjection], [projectCompleted('2026-04-01T03:00:00Z', 'ghost', '2026-03-31')]);
    expect(await projectNamed('ghost')).toBeUndefined();
  });
});
