import type { Command } from '../../core/messages';
import type { CampaignChannel } from './campaign.events';

export type LaunchCampaign = Command<'LaunchCampaign', { campaignId: string; name: string; channel: CampaignChannel }>;

/** `costId` is the bill's or ad spend line's id in its tool: recording it twice is a no-op. */
export type RecordCampaignCost = Command<
  'RecordCampaignCost',
  { campaignId: string; costId: string; amountCents: number; currency: string; incurredOn: string }
>;

export type EndCampaign = Command<'EndCampaign', { campaignId: string }>;

export type CampaignCommand = LaunchCampaign | RecordCampaignCost | EndCampaign;
