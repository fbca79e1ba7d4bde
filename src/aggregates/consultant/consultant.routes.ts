import type { CommandRoutes } from '../command-route';
import type { ConsultantCommand } from './consultant.commands';
import { consultantDecider, consultantStream } from './consultant.decider';

export const consultantRoutes: CommandRoutes<ConsultantCommand> = {
  RegisterConsultant: { decider: consultantDecider, streamOf: (command) => consultantStream(command.data.consultantId) },
  ChangeConsultantCapacity: { decider: consultantDecider, streamOf: (command) => consultantStream(command.data.consultantId) },
  ChangeConsultantRates: { decider: consultantDecider, streamOf: (command) => consultantStream(command.data.consultantId) },
  RecordTimeOff: { decider: consultantDecider, streamOf: (command) => consultantStream(command.data.consultantId) },
  DeactivateConsultant: { decider: consultantDecider, streamOf: (command) => consultantStream(command.data.consultantId) },
};
