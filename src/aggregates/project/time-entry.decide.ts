import { ensure, ensureCalendarDate, ensureNonEmpty } from '../shared/rules';
import { ensureHours, ensureRateCents } from '../consultant/hours.rules';
import type { ConsultantFact, CorrectTimeEntry, DeleteTimeEntry, LogHours } from './project.commands';
import type { ProjectEvent, TimeEntryFacts } from './project.events';
import { ensureActive, type ProjectState, type StartedProject, type TimeEntry } from './project.state';

/** The most hours one entry can hold: a day. */
export const maxHoursPerEntry = 24;

export function logHours({ data }: LogHours, state: ProjectState): ProjectEvent[] {
  ensure(state.status !== 'none', 'project.not_active', `Project ${data.projectId} has not been started`);
  if (state.entries.has(data.entryId)) return [];
  ensureActive(state);
  ensureNonEmpty(data.entryId, 'entryId');
  ensureCalendarDate(data.workDate, 'workDate');
  ensureHours(data.hours, maxHoursPerEntry, 'time_entry.invalid_hours');
  const consultant = consultantWhoMayLog(data, state);
  const billRateCents = data.billRateCents ?? consultant.billRateCents;
  ensureRateCents(billRateCents, 'time_entry.invalid_rate', 'billRateCents');
  const { entryId, projectId, consultantId, workDate, hours, billable } = data;
  const { clientId } = state;
  const { costRateCents, currency } = consultant;
  const facts: TimeEntryFacts = { entryId, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency };
  return [{ type: 'HoursLogged', data: { ...facts, description: data.description ?? '' } }];
}

export function correctTimeEntry({ data }: CorrectTimeEntry, state: ProjectState): ProjectEvent[] {
  const [project, entry] = liveEntry(state, data.entryId);
  const description = data.description ?? entry.description;
  const unchanged = data.workDate === entry.workDate && data.hours === entry.hours && data.billable === entry.billable && description === entry.description;
  if (unchanged) return [];
  ensureActive(project);
  ensureCalendarDate(data.workDate, 'workDate');
  ensureHours(data.hours, maxHoursPerEntry, 'time_entry.invalid_hours');
  const { workDate, hours, billable } = data;
  const previous = { workDate: entry.workDate, hours: entry.hours, billable: entry.billable };
  return [{ type: 'TimeEntryCorrected', data: { ...factsOf(entry), workDate, hours, billable, description, previous } }];
}

export function deleteTimeEntry({ data }: DeleteTimeEntry, state: ProjectState): ProjectEvent[] {
  const [project, entry] = liveEntry(state, data.entryId);
  ensureActive(project);
  return [{ type: 'TimeEntryDeleted', data: factsOf(entry) }];
}

function consultantWhoMayLog(data: LogHours['data'], project: StartedProject): ConsultantFact {
  const consultant = data.consultant;
  ensure(consultant != null && consultant.consultantId === data.consultantId, 'consultant.unknown', `Consultant ${data.consultantId} is not registered`);
  ensure(consultant.active, 'consultant.inactive', `Consultant ${data.consultantId} is deactivated and cannot log hours`);
  ensure(consultant.currency === project.currency, 'time_entry.currency_mismatch', `Consultant rates in ${consultant.currency} for a project in ${project.currency}`);
  return consultant;
}

/** Correcting or deleting needs an entry that exists and is not deleted: anything else is a rule violation. */
function liveEntry(state: ProjectState, entryId: string): [StartedProject, TimeEntry] {
  const entry = state.status === 'none' ? undefined : state.entries.get(entryId);
  ensure(state.status !== 'none' && entry !== undefined, 'time_entry.unknown', `No time entry ${entryId} on this project`);
  ensure(!entry.deleted, 'time_entry.deleted', `Time entry ${entryId} was deleted`);
  return [state, entry];
}

function factsOf(entry: TimeEntry): TimeEntryFacts {
  const { entryId, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency } = entry;
  return { entryId, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency };
}
