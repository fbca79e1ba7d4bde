import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { normaliseInstant } from '../../core/time';
import { ensure, ensureCalendarDate, ensureNonEmpty, ensurePositiveMoney, ensureSameFacts } from '../shared/rules';
import type { CampaignCommand, EndCampaign, LaunchCampaign, RecordCampaignCost } from './campaign.commands';
import { campaignChannels, type CampaignEvent } from './campaign.events';

type LaunchedCampaign = {
  status: 'running' | 'ended';
  name: string;
  channel: string;
  /** Set by the first cost; null until then. */
  currency: string | null;
  /** Costs by their id, to tell a repeated record from one that reuses the id with other facts. */
  costs: ReadonlyMap<string, { amountCents: number; currency: string; incurredOn: string }>;
};

export type CampaignState = { status: 'none' } | LaunchedCampaign;

export const campaignStream = (campaignId: string) => streamName('Campaign', campaignId);

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'LaunchCampaign':
        return launch(command, state);
      case 'RecordCampaignCost':
        return recordCost(command, state);
      case 'EndCampaign':
        return end(command, state);
    }
  },
  evolve(state, event) {
    if (event.type === 'CampaignLaunched') {
      return { status: 'running', name: event.data.name, channel: event.data.channel, currency: null, costs: new Map() };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'CampaignCostRecorded':
        return { ...state, currency: event.data.currency, costs: new Map([...state.costs, [event.data.costId, { amountCents: event.data.amountCents, currency: event.data.currency, incurredOn: event.data.incurredOn }]]) };
      case 'CampaignEnded':
        return { ...state, status: 'ended' };
      default:
        return state;
    }
  },
};

function launched(state: CampaignState, campaignId: string): LaunchedCampaign {
  ensure(state.status !== 'none', 'campaign.not_launched', `Campaign ${campaignId} has not been launched`);
  return state;
}

function launch({ data, occurredAt }: LaunchCampaign, state: CampaignState): CampaignEvent[] {
  if (state.status !== 'none') {
    const same = state.name === data.name && state.channel === data.channel;
    ensure(same, 'campaign.already_launched', `Campaign ${data.campaignId} was already launched as "${state.name}" on ${state.channel}`);
    return [];
  }
  ensureNonEmpty(data.name, 'name');
  ensure((campaignChannels as readonly string[]).includes(data.channel), 'campaign.invalid_channel', `Unknown campaign channel "${data.channel}"`, {
    allowed: campaignChannels,
  });
  const { campaignId, name, channel } = data;
  return [{ type: 'CampaignLaunched', data: { campaignId, name, channel, launchedAt: normaliseInstant(occurredAt) } }];
}

/** Bills often arrive after a campaign ends, so ended campaigns still take costs. */
function recordCost({ data }: RecordCampaignCost, state: CampaignState): CampaignEvent[] {
  const campaign = launched(state, data.campaignId);
  const recorded = campaign.costs.get(data.costId);
  if (recorded) {
    ensureSameFacts('campaign_cost', data.costId, recorded, { amountCents: data.amountCents, currency: data.currency, incurredOn: data.incurredOn }, null);
    return [];
  }
  ensureNonEmpty(data.costId, 'costId');
  ensurePositiveMoney(data.amountCents, data.currency, 'campaign.invalid_cost');
  ensure(campaign.currency === null || campaign.currency === data.currency, 'campaign.currency_mismatch', `Cost in ${data.currency} for a campaign in ${campaign.currency}`, {
    currency: campaign.currency,
  });
  ensureCalendarDate(data.incurredOn, 'incurredOn');
  const { campaignId, costId, amountCents, currency, incurredOn } = data;
  return [{ type: 'CampaignCostRecorded', data: { campaignId, costId, amountCents, currency, incurredOn } }];
}

function end({ data, occurredAt }: EndCampaign, state: CampaignState): CampaignEvent[] {
  if (launched(state, data.campaignId).status === 'ended') return [];
  return [{ type: 'CampaignEnded', data: { campaignId: data.campaignId, endedAt: normaliseInstant(occurredAt) } }];
}
