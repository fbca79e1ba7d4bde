import type { DomainEvent } from '../../core/messages';

export const campaignChannels = ['email', 'linkedin', 'paid_search', 'paid_social', 'event', 'content', 'other'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

/** `launchedAt` is an ISO instant in UTC. */
export type CampaignLaunched = DomainEvent<'CampaignLaunched', { campaignId: string; name: string; channel: CampaignChannel; launchedAt: string }>;

/**
 * Spend attributed to the campaign; `incurredOn` is a calendar date in the business time zone.
 * All costs of a campaign share the currency of its first cost.
 */
export type CampaignCostRecorded = DomainEvent<
  'CampaignCostRecorded',
  { campaignId: string; costId: string; amountCents: number; currency: string; incurredOn: string }
>;

export type CampaignEnded = DomainEvent<'CampaignEnded', { campaignId: string; endedAt: string }>;

export type CampaignEvent = CampaignLaunched | CampaignCostRecorded | CampaignEnded;
