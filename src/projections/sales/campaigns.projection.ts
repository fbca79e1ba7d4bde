import type { CampaignChannel, CampaignEvent } from '../../aggregates/campaign/campaign.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';

/** A cost counts in the period of its `incurredOn` business date (accrual, like expenses). */
export type CampaignCost = { costId: string; amountCents: number; incurredOn: string };

/** One campaign and its costs, all in `currency` (the first cost's; null before any cost). */
export interface CampaignDocument extends ReadDocument {
  readonly campaignId: string;
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly launchedAt: string;
  readonly endedAt: string | null;
  readonly currency: string | null;
  readonly costs: CampaignCost[];
  readonly totalCostCents: number;
  /** Range of the costs' dates, so spend queries find campaigns with a cost in a period. */
  readonly firstCostOn: string | null;
  readonly lastCostOn: string | null;
}

type Event = RecordedOf<CampaignEvent>;

function launched(event: RecordedOfType<CampaignEvent, 'CampaignLaunched'>, id: string): CampaignDocument {
  const { name, channel } = event.data;
  const none = { currency: null, costs: [], totalCostCents: 0, firstCostOn: null, lastCostOn: null };
  return { _id: id, campaignId: id, name, channel, launchedAt: occurredAt(event), endedAt: null, ...none };
}

function costRecorded(campaign: CampaignDocument, { data }: RecordedOfType<CampaignEvent, 'CampaignCostRecorded'>): CampaignDocument {
  if (campaign.costs.some((cost) => cost.costId === data.costId)) return campaign;
  const costs = [...campaign.costs, { costId: data.costId, amountCents: data.amountCents, incurredOn: data.incurredOn }];
  const dates = costs.map((cost) => cost.incurredOn).sort();
  return {
    ...campaign,
    currency: campaign.currency ?? data.currency,
    costs,
    totalCostCents: campaign.totalCostCents + data.amountCents,
    firstCostOn: dates[0]!,
    lastCostOn: dates[dates.length - 1]!,
  };
}

export const campaignsProjection: Projection<CampaignDocument> = {
  name: 'campaigns',
  version: 1,
  handles: ['CampaignLaunched', 'CampaignCostRecorded', 'CampaignEnded'],
  documentIds: (event) => [(event.data as { campaignId: string }).campaignId],
  evolve(campaign, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'CampaignLaunched') return campaign ?? launched(event, id);
    if (campaign === null) return null;
    return event.type === 'CampaignCostRecorded' ? costRecorded(campaign, event) : { ...campaign, endedAt: campaign.endedAt ?? occurredAt(event) };
  },
  indexes: [
    { name: 'campaigns_last_cost_on', fields: ['lastCostOn'] },
    { name: 'campaigns_launched_at', fields: ['launchedAt'] },
  ],
};
