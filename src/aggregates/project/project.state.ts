import { PersistentMap } from '../shared/persistent-map';
import { ensure } from '../shared/rules';
import type { ProjectEvent, TimeEntryFacts } from './project.events';

/** What `LogHours` first recorded, to tell a retried LogHours from one that reuses the id with other facts. */
export type LoggedFacts = Pick<TimeEntryFacts, 'consultantId' | 'workDate' | 'hours' | 'billable' | 'billRateCents'> & { description: string };

export type TimeEntry = TimeEntryFacts & { description: string; deleted: boolean; logged: LoggedFacts };

export type StartedProject = {
  status: 'active' | 'completed' | 'cancelled';
  projectId: string;
  clientId: string;
  currency: string;
  startedOn: string;
  /** Every entry ever logged, deleted ones included: entry ids are never reused. */
  entries: PersistentMap<TimeEntry>;
  /** Live hours on this project per `consultantId|workDate`, in hundredths (the 24-hour day rule). */
  dayHundredths: PersistentMap<number>;
};

export type ProjectState = { status: 'none' } | StartedProject;

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectStarted') {
    const { projectId, clientId, currency, startedOn } = event.data;
    return { status: 'active', projectId, clientId, currency, startedOn, entries: PersistentMap.empty(), dayHundredths: PersistentMap.empty() };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProjectCompleted':
      return { ...state, status: 'completed' };
    case 'ProjectCancelled':
      return { ...state, status: 'cancelled' };
    case 'HoursLogged': {
      const { consultantId, workDate, hours, billable, billRateCents, description } = event.data;
      return withEntry(state, { ...event.data, deleted: false, logged: { consultantId, workDate, hours, billable, billRateCents, description } });
    }
    case 'TimeEntryCorrected': {
      const { previous: _previous, ...entry } = event.data;
      const before = state.entries.get(entry.entryId);
      return withEntry(state, { ...entry, deleted: false, logged: before?.logged ?? { ...entry } });
    }
    case 'TimeEntryDeleted': {
      const entry = state.entries.get(event.data.entryId);
      return entry ? withEntry(state, { ...entry, deleted: true }) : state;
    }
    default:
      return state;
  }
}

/** Replaces the entry and moves its hours between day totals (a deleted entry counts nothing). */
function withEntry(state: StartedProject, entry: TimeEntry): StartedProject {
  const before = state.entries.get(entry.entryId);
  let days = state.dayHundredths;
  if (before && !before.deleted) days = addHours(days, dayKey(before.consultantId, before.workDate), -before.hours);
  if (!entry.deleted) days = addHours(days, dayKey(entry.consultantId, entry.workDate), entry.hours);
  return { ...state, entries: state.entries.set(entry.entryId, entry), dayHundredths: days };
}

export const dayKey = (consultantId: string, workDate: string): string => `${consultantId}|${workDate}`;

function addHours(days: PersistentMap<number>, key: string, hours: number): PersistentMap<number> {
  return days.set(key, (days.get(key) ?? 0) + Math.round(hours * 100));
}

export function ensureStarted(state: ProjectState, projectId: string): asserts state is StartedProject {
  ensure(state.status !== 'none', 'project.not_started', `Project ${projectId} has not been started`);
}

/** Hours can only be logged, corrected or deleted while the project runs. */
export function ensureActive(state: StartedProject): void {
  ensure(state.status === 'active', 'project.not_active', `Project ${state.projectId} is ${state.status}; its hours are closed`);
}
