import { ensure, ensureCalendarDate, ensureCurrency, ensureNonEmpty } from '../shared/rules';
import { ensureTier } from '../client/client.decider';
import type { CancelProject, CompleteProject, StartProject } from './project.commands';
import type { ProjectEvent } from './project.events';
import { ensureStarted, type ProjectState } from './project.state';

export function startProject({ data }: StartProject, state: ProjectState): ProjectEvent[] {
  if (state.status !== 'none') {
    ensure(state.clientId === data.clientId, 'project.already_started', `Project ${data.projectId} was already started for client ${state.clientId}`);
    return [];
  }
  ensureNonEmpty(data.clientId, 'clientId');
  ensureNonEmpty(data.name, 'name');
  ensureTier(data.tier);
  ensureBudget(data.budgetHours, data.budgetAmountCents);
  ensureCurrency(data.currency);
  ensureCalendarDate(data.startedOn, 'startedOn');
  ensureCalendarDate(data.dueOn, 'dueOn');
  ensure(data.dueOn >= data.startedOn, 'project.due_before_start', `dueOn ${data.dueOn} is before startedOn ${data.startedOn}`);
  const { projectId, clientId, tier, name, budgetHours, budgetAmountCents, currency, startedOn, dueOn } = data;
  return [{ type: 'ProjectStarted', data: { projectId, clientId, tier, name, budgetHours, budgetAmountCents, currency, startedOn, dueOn } }];
}

export function completeProject({ data }: CompleteProject, state: ProjectState): ProjectEvent[] {
  ensureStarted(state, data.projectId);
  if (state.status === 'completed') return [];
  ensure(state.status !== 'cancelled', 'project.already_cancelled', `Project ${data.projectId} was cancelled`);
  ensureCalendarDate(data.completedOn, 'completedOn');
  ensure(data.completedOn >= state.startedOn, 'project.completed_before_start', `completedOn ${data.completedOn} is before startedOn ${state.startedOn}`);
  return [{ type: 'ProjectCompleted', data: { projectId: data.projectId, completedOn: data.completedOn } }];
}

export function cancelProject({ data }: CancelProject, state: ProjectState): ProjectEvent[] {
  ensureStarted(state, data.projectId);
  if (state.status === 'cancelled') return [];
  ensure(state.status !== 'completed', 'project.already_completed', `Project ${data.projectId} is completed`);
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'ProjectCancelled', data: { projectId: data.projectId, reason: data.reason } }];
}

/** Budgets may be 0 (no budget), otherwise hours in hundredths and whole cents. */
function ensureBudget(budgetHours: number, budgetAmountCents: number): void {
  const hundredths = budgetHours * 100;
  const validHours = Number.isFinite(budgetHours) && budgetHours >= 0 && Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
  ensure(validHours, 'project.invalid_budget', `budgetHours must be 0 or more, in hundredths of an hour, got ${budgetHours}`, { field: 'budgetHours' });
  const validAmount = Number.isSafeInteger(budgetAmountCents) && budgetAmountCents >= 0;
  ensure(validAmount, 'project.invalid_budget', `budgetAmountCents must be a whole number of cents, 0 or more, got ${budgetAmountCents}`, { field: 'budgetAmountCents' });
}
