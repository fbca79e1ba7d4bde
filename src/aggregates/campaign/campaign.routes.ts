import type { CommandRoutes } from '../command-route';
import type { CampaignCommand } from './campaign.commands';
import { campaignDecider, campaignStream } from './campaign.decider';

export const campaignRoutes: CommandRoutes<CampaignCommand> = {
  LaunchCampaign: { decider: campaignDecider, streamOf: (command) => campaignStream(command.data.campaignId) },
  RecordCampaignCost: { decider: campaignDecider, streamOf: (command) => campaignStream(command.data.campaignId) },
  EndCampaign: { decider: campaignDecider, streamOf: (command) => campaignStream(command.data.campaignId) },
};
