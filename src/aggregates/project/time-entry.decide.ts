import { ensure, ensureCalendarDate, ensureNonEmpty, ensureSameFacts, latestDateAt } from '../shared/rules';
import { ensureHours, ensureRateCents } from '../consultant/hours.rules';
import type { ConsultantFact, CorrectTimeEntry, DeleteTimeEntry, LogHours } from './project.commands';
import type { ProjectEvent, TimeEntryFacts } from './project.events';
import { dayKey, ensureActive, type ProjectState, type StartedProject, type TimeEntry } from './project.state';

/** The most hours one entry can hold: a day. */
export const maxHoursPerEntry = 24;

/** The most hours one consultant can log on one work date, across the entries of a project. */
export const maxHoursPerDay = 24;

export function logHours({ data, occurredAt }: LogHours, state: ProjectState): ProjectEvent[] {
  ensure(state.status !== 'none', 'project.not_active', `Project ${data.projectId} has not been started`);
  const existing = state.entries.get(data.entryId);
  if (existing) {
    const { consultantId, workDate, hours, billable, billRateCents } = data;
    ensureSameFacts('time_entry', data.entryId, existing.logged, { consultantId, workDate, hours, billable, billRateCents, description: data.description ?? '' }, 'CorrectTimeEntry');
    return [];
  }
  ensureActive(state);
  ensureNonEmpty(data.entryId, 'entryId');
  ensureCalendarDate(data.workDate, 'workDate');
  ensureHours(data.hours, maxHoursPerEntry, 'time_entry.invalid_hours');
  ensureWorkDate(state, data.workDate, occurredAt);
  ensureDayTotal(state, data.consultantId, data.workDate, data.hours, null, data.hoursOnOtherProjects ?? 0);
  const consultant = consultantWhoMayLog(data, state);
  const billRateCents = data.billRateCents ?? consultant.billRateCents;
  ensureRateCents(billRateCents, 'time_entry.invalid_rate', 'billRateCents');
  const { entryId, projectId, consultantId, workDate, hours, billable } = data;
  const { clientId } = state;
  const { costRateCents, currency } = consultant;
  const facts: TimeEntryFacts = { entryId, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency };
  return [{ type: 'HoursLogged', data: { ...facts, description: data.description ?? '' } }];
}

export function correctTimeEntry({ data, occurredAt }: CorrectTimeEntry, state: ProjectState): ProjectEvent[] {
  const [project, entry] = liveEntry(state, data.entryId);
  const description = data.description ?? entry.description;
  const unchanged = data.workDate === entry.workDate && data.hours === entry.hours && data.billable === entry.billable && description === entry.description;
  if (unchanged) return [];
  ensureActive(project);
  ensureCalendarDate(data.workDate, 'workDate');
  ensureHours(data.hours, maxHoursPerEntry, 'time_entry.invalid_hours');
  ensureWorkDate(project, data.workDate, occurredAt);
  ensureDayTotal(project, entry.consultantId, data.workDate, data.hours, entry);
  const { workDate, hours, billable } = data;
  const previous = { workDate: entry.workDate, hours: entry.hours, billable: entry.billable };
  return [{ type: 'TimeEntryCorrected', data: { ...factsOf(entry), workDate, hours, billable, description, previous } }];
}

export function deleteTimeEntry({ data }: DeleteTimeEntry, state: ProjectState): ProjectEvent[] {
  const [project, entry] = liveEntry(state, data.entryId);
  ensureActive(project);
  return [{ type: 'TimeEntryDeleted', data: factsOf(entry) }];
}

/** Work happens while the project runs, and not after the day the fact is reported on. */
function ensureWorkDate(project: StartedProject, workDate: string, occurredAt: string): void {
  ensure(workDate >= project.startedOn, 'time_entry.before_project_start', `workDate ${workDate} is before project ${project.projectId} started on ${project.startedOn}`, { field: 'workDate' });
  const latest = latestDateAt(occurredAt);
  ensure(workDate <= latest, 'time_entry.work_date_in_future', `workDate ${workDate} is in the future (the fact is reported at ${occurredAt})`, { field: 'workDate' });
}

/**
 * At most 24 h per consultant and work date: the project's own live entries (consistent: they are
 * its state; a corrected entry counts with its new hours only) plus, for new entries, the hours on
 * other projects the read model knows of (as of its position; see the README).
 */
function ensureDayTotal(project: StartedProject, consultantId: string, workDate: string, hours: number, replacing: TimeEntry | null, elsewhere = 0): void {
  const logged = (project.dayHundredths.get(dayKey(consultantId, workDate)) ?? 0) + Math.round(elsewhere * 100);
  const own = replacing && !replacing.deleted && replacing.workDate === workDate && replacing.consultantId === consultantId ? Math.round(replacing.hours * 100) : 0;
  const total = logged - own + Math.round(hours * 100);
  ensure(total <= maxHoursPerDay * 100, 'time_entry.day_over_24_hours', `${consultantId} would have ${total / 100} h on ${workDate}; a day holds at most ${maxHoursPerDay} h`, {
    field: 'hours',
    loggedHours: (logged - own) / 100,
  });
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
