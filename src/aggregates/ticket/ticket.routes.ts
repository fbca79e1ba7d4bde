import { withClientFact } from '../client/client-exists.enrich';
import type { CommandRoutes } from '../command-route';
import { npsResponseDecider, npsResponseStream } from './nps-response.decider';
import type { SupportCommand } from './ticket.commands';
import { ticketDecider, ticketStream } from './ticket.decider';

/** Support commands: ticket lifecycle on `Ticket-<ticketId>`, NPS answers on `NpsResponse-<responseId>`. */
export const ticketRoutes: CommandRoutes<SupportCommand> = {
  OpenTicket: { decider: ticketDecider, streamOf: (command) => ticketStream(command.data.ticketId), enrich: withClientFact },
  RecordFirstResponse: { decider: ticketDecider, streamOf: (command) => ticketStream(command.data.ticketId) },
  ResolveTicket: { decider: ticketDecider, streamOf: (command) => ticketStream(command.data.ticketId) },
  ReopenTicket: { decider: ticketDecider, streamOf: (command) => ticketStream(command.data.ticketId) },
  RateTicket: { decider: ticketDecider, streamOf: (command) => ticketStream(command.data.ticketId) },
  RecordNpsResponse: { decider: npsResponseDecider, streamOf: (command) => npsResponseStream(command.data.responseId) },
};
