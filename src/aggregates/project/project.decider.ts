import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import type { ProjectCommand } from './project.commands';
import type { ProjectEvent } from './project.events';
import { cancelProject, completeProject, startProject } from './project-lifecycle.decide';
import { evolveProject, type ProjectState } from './project.state';
import { correctTimeEntry, deleteTimeEntry, logHours } from './time-entry.decide';

export type { ProjectState } from './project.state';

export const projectStream = (projectId: string) => streamName('Project', projectId);

/**
 * One decider for the project and its time entries: they share a stream, so "no hours on a closed
 * project" holds atomically and concurrent entries on one project are serialised by its revision.
 */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'StartProject':
        return startProject(command, state);
      case 'CompleteProject':
        return completeProject(command, state);
      case 'CancelProject':
        return cancelProject(command, state);
      case 'LogHours':
        return logHours(command, state);
      case 'CorrectTimeEntry':
        return correctTimeEntry(command, state);
      case 'DeleteTimeEntry':
        return deleteTimeEntry(command, state);
    }
  },
  evolve: evolveProject,
};
