import type { CommandRoutes } from '../command-route';
import type { ClientCommand } from './client.commands';
import { clientDecider, clientStream } from './client.decider';

export const clientRoutes: CommandRoutes<ClientCommand> = {
  OnboardClient: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  ChangeClientTier: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  StartRetainer: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  ChangeRetainerAmount: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  CancelRetainer: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  OffboardClient: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
  ReactivateClient: { decider: clientDecider, streamOf: (command) => clientStream(command.data.clientId) },
};
