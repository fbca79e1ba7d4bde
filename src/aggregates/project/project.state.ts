import { PersistentMap } from '../shared/persistent-map';
import { ensure } from '../shared/rules';
import type { ProjectEvent, TimeEntryFacts } from './project.events';

export type TimeEntry = TimeEntryFacts & { description: string; deleted: boolean };

export type StartedProject = {
  status: 'active' | 'completed' | 'cancelled';
  projectId: string;
  clientId: string;
  currency: string;
  startedOn: string;
  /** Every entry ever logged, deleted ones included: entry ids are never reused. */
  entries: PersistentMap<TimeEntry>;
};

export type ProjectState = { status: 'none' } | StartedProject;

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectStarted') {
    const { projectId, clientId, currency, startedOn } = event.data;
    return { status: 'active', projectId, clientId, currency, startedOn, entries: PersistentMap.empty() };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProjectCompleted':
      return { ...state, status: 'completed' };
    case 'ProjectCancelled':
      return { ...state, status: 'cancelled' };
    case 'HoursLogged':
      return withEntry(state, { ...event.data, deleted: false });
    case 'TimeEntryCorrected': {
      const { previous: _previous, ...entry } = event.data;
      return withEntry(state, { ...entry, deleted: false });
    }
    case 'TimeEntryDeleted': {
      const entry = state.entries.get(event.data.entryId);
      return entry ? withEntry(state, { ...entry, deleted: true }) : state;
    }
    default:
      return state;
  }
}

function withEntry(state: StartedProject, entry: TimeEntry): StartedProject {
  return { ...state, entries: state.entries.set(entry.entryId, entry) };
}

export function ensureStarted(state: ProjectState, projectId: string): asserts state is StartedProject {
  ensure(state.status !== 'none', 'project.not_started', `Project ${projectId} has not been started`);
}

/** Hours can only be logged, corrected or deleted while the project runs. */
export function ensureActive(state: StartedProject): void {
  ensure(state.status === 'active', 'project.not_active', `Project ${state.projectId} is ${state.status}; its hours are closed`);
}
