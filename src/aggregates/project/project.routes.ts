import type { CommandRoutes } from '../command-route';
import { enrichLogHours } from './log-hours.enrich';
import type { ProjectCommand } from './project.commands';
import { projectDecider, projectStream } from './project.decider';

export const projectRoutes: CommandRoutes<ProjectCommand> = {
  StartProject: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId) },
  CompleteProject: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId) },
  CancelProject: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId) },
  LogHours: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId), enrich: enrichLogHours },
  CorrectTimeEntry: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId) },
  DeleteTimeEntry: { decider: projectDecider, streamOf: (command) => projectStream(command.data.projectId) },
};
