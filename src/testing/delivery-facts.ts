import type { ConsultantEvent } from '../aggregates/consultant/consultant.events';
import type { ProjectEvent, ProjectStarted, TimeEntryFacts } from '../aggregates/project/project.events';
import { fact, type ScenarioFact } from './projection-scenario';

/**
 * Builders of delivery facts for scenario tests: projects, their time entries and consultants,
 * on the streams the aggregates use, with defaults for what a test does not care about.
 */
const project = (projectId: string, occurredAt: string, event: ProjectEvent) => fact(`Project-${projectId}`, occurredAt, event);
const consultant = (consultantId: string, occurredAt: string, event: ConsultantEvent) => fact(`Consultant-${consultantId}`, occurredAt, event);

export type ProjectStart = Partial<ProjectStarted['data']> & { projectId: string };

export function projectStarted(occurredAt: string, start: ProjectStart): ScenarioFact {
  const data = {
    clientId: 'client-1',
    tier: 'PROFESSIONAL' as const,
    name: `Project ${start.projectId}`,
    budgetHours: 0,
    budgetAmountCents: 0,
    currency: 'AUD',
    startedOn: occurredAt.slice(0, 10),
    dueOn: '2026-12-31',
    ...start,
  };
  return project(start.projectId, occurredAt, { type: 'ProjectStarted', data });
}

export const projectCompleted = (occurredAt: string, projectId: string, completedOn: string): ScenarioFact =>
  project(projectId, occurredAt, { type: 'ProjectCompleted', data: { projectId, completedOn } });

export const projectCancelled = (occurredAt: string, projectId: string): ScenarioFact =>
  project(projectId, occurredAt, { type: 'ProjectCancelled', data: { projectId, reason: 'client paused' } });

export type EntryFacts = Partial<TimeEntryFacts> & Pick<TimeEntryFacts, 'entryId' | 'projectId' | 'consultantId' | 'workDate' | 'hours'>;

function entryFacts(entry: EntryFacts): TimeEntryFacts {
  return { clientId: 'client-1', billable: true, billRateCents: 20_000, costRateCents: 8_000, currency: 'AUD', ...entry };
}

export const hoursLogged = (occurredAt: string, entry: EntryFacts): ScenarioFact =>
  project(entry.projectId, occurredAt, { type: 'HoursLogged', data: { ...entryFacts(entry), description: '' } });

/** `entry` is the entry after the correction; `previous` the values it replaces. */
export const timeEntryCorrected = (occurredAt: string, entry: EntryFacts, previous: { workDate: string; hours: number; billable: boolean }): ScenarioFact =>
  project(entry.projectId, occurredAt, { type: 'TimeEntryCorrected', data: { ...entryFacts(entry), description: '', previous } });

export const timeEntryDeleted = (occurredAt: string, entry: EntryFacts): ScenarioFact =>
  project(entry.projectId, occurredAt, { type: 'TimeEntryDeleted', data: entryFacts(entry) });

export function consultantRegistered(occurredAt: string, consultantId: string, weeklyCapacityHours = 40): ScenarioFact {
  const data = { consultantId, name: `Consultant ${consultantId}`, email: `${consultantId}@zixly.test`, weeklyCapacityHours, costRateCents: 8_000, billRateCents: 20_000, currency: 'AUD' };
  return consultant(consultantId, occurredAt, { type: 'ConsultantRegistered', data });
}

export const capacityChanged = (occurredAt: string, consultantId: string, weeklyCapacityHours: number, previousWeeklyCapacityHours: number): ScenarioFact =>
  consultant(consultantId, occurredAt, { type: 'ConsultantCapacityChanged', data: { consultantId, weeklyCapacityHours, previousWeeklyCapacityHours } });

export const ratesChanged = (occurredAt: string, consultantId: string, costRateCents: number, billRateCents: number): ScenarioFact =>
  consultant(consultantId, occurredAt, { type: 'ConsultantRatesChanged', data: { consultantId, costRateCents, billRateCents, currency: 'AUD' } });

export const timeOffRecorded = (occurredAt: string, consultantId: string, timeOffId: string, date: string, hours: number): ScenarioFact =>
  consultant(consultantId, occurredAt, { type: 'TimeOffRecorded', data: { consultantId, timeOffId, date, hours } });

export const consultantDeactivated = (occurredAt: string, consultantId: string): ScenarioFact =>
  consultant(consultantId, occurredAt, { type: 'ConsultantDeactivated', data: { consultantId } });
