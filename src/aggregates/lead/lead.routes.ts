import type { CommandRoutes } from '../command-route';
import type { LeadCommand } from './lead.commands';
import { leadDecider, leadStream } from './lead.decider';

export const leadRoutes: CommandRoutes<LeadCommand> = {
  CaptureLead: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  MoveLeadStage: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  EstimateLeadValue: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  WinLead: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  LoseLead: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  ReopenLead: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  RecordEmailEngagement: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
  RecordFormSubmission: { decider: leadDecider, streamOf: (command) => leadStream(command.data.leadId) },
};
