import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ProjectCommand, StartProject } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent } from './project.events';

const spec = deciderSpec(projectDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';

const startData: StartProject['data'] = {
  projectId: 'p-1',
  clientId: 'c-1',
  tier: 'PROFESSIONAL',
  name: 'Globex website relaunch',
  budgetHours: 120,
  budgetAmountCents: 1_800_000,
  currency: 'AUD',
  startedOn: '2026-03-02',
  dueOn: '2026-05-29',
};
const started: ProjectEvent = { type: 'ProjectStarted', data: startData };
const start = (overrides: Partial<StartProject['data']> = {}): ProjectCommand => ({ type: 'StartProject', occurredAt, data: { ...startData, ...overrides } });
const complete = (completedOn: string): ProjectCommand => ({ type: 'CompleteProject', occurredAt, data: { projectId: 'p-1', completedOn } });
const completed: ProjectEvent = { type: 'ProjectCompleted', data: { projectId: 'p-1', completedOn: '2026-05-20' } };
const cancel: ProjectCommand = { type: 'CancelProject', occurredAt, data: { projectId: 'p-1', reason: 'client paused the work' } };
const cancelled: ProjectEvent = { type: 'ProjectCancelled', data: { projectId: 'p-1', reason: 'client paused the work' } };

describe('project decider: lifecycle', () => {
  it('starts a project with its client, tier, budget and due date', () => spec.given([]).when(start()).then([started]));

  it('treats starting the same project again as a no-op', () => spec.given([started]).when(start()).thenNothingHappens());

  it('rejects starting a started project id for another client', () =>
    spec.given([started]).when(start({ clientId: 'c-2' })).thenRejects('project.already_started'));

  it('rejects a tier that is not a client tier', () => spec.given([]).when(start({ tier: 'GOLD' as 'STARTER' })).thenRejects('client.invalid_tier'));

  it('rejects a due date before the start date', () => spec.given([]).when(start({ dueOn: '2026-03-01' })).thenRejects('project.due_before_start'));

  it('rejects budgets that are negative or not whole cents and hundredths of hours', () => {
    for (const overrides of [{ budgetHours: -1 }, { budgetHours: 10.001 }, { budgetAmountCents: -100 }, { budgetAmountCents: 10.5 }]) {
      spec.given([]).when(start(overrides)).thenRejects('project.invalid_budget');
    }
  });

  it('starts a project without a budget', () =>
    spec.given([]).when(start({ budgetHours: 0, budgetAmountCents: 0 })).then([{ type: 'ProjectStarted', data: { ...startData, budgetHours: 0, budgetAmountCents: 0 } }]));

  it('completes a running project on its completion date', () => spec.given([started]).when(complete('2026-05-20')).then([completed]));

  it('treats completing a completed project as a no-op', () => spec.given([started, completed]).when(complete('2026-05-21')).thenNothingHappens());

  it('rejects completing a project that was never started', () => spec.given([]).when(complete('2026-05-20')).thenRejects('project.not_started'));

  it('rejects completing a cancelled project', () => spec.given([started, cancelled]).when(complete('2026-05-20')).thenRejects('project.already_cancelled'));

  it('rejects a completion date before the start date', () =>
    spec.given([started]).when(complete('2026-03-01')).thenRejects('project.completed_before_start'));

  it('cancels a running project', () => spec.given([started]).when(cancel).then([cancelled]));

  it('treats cancelling a cancelled project as a no-op', () => spec.given([started, cancelled]).when(cancel).thenNothingHappens());

  it('rejects cancelling a completed project', () => spec.given([started, completed]).when(cancel).thenRejects('project.already_completed'));

  it('rejects cancelling a project that was never started', () => spec.given([]).when(cancel).thenRejects('project.not_started'));
});
