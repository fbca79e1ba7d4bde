import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { CampaignCommand } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import type { CampaignEvent } from './campaign.events';

const spec = deciderSpec(campaignDecider);
const at = '2026-03-02T00:00:00.000Z';

const launched: CampaignEvent = { type: 'CampaignLaunched', data: { campaignId: 'cmp-1', name: 'Autumn webinar', channel: 'email', launchedAt: at } };
const launch: CampaignCommand = { type: 'LaunchCampaign', occurredAt: '2026-03-02T10:00:00+10:00', data: { campaignId: 'cmp-1', name: 'Autumn webinar', channel: 'email' } };
const cost = (costId: string, amountCents: number, currency = 'AUD'): CampaignCommand => ({
  type: 'RecordCampaignCost',
  occurredAt: at,
  data: { campaignId: 'cmp-1', costId, amountCents, currency, incurredOn: '2026-03-01' },
});
const costRecorded = (costId: string, amountCents: number): CampaignEvent => ({
  type: 'CampaignCostRecorded',
  data: { campaignId: 'cmp-1', costId, amountCents, currency: 'AUD', incurredOn: '2026-03-01' },
});
const end: CampaignCommand = { type: 'EndCampaign', occurredAt: '2026-04-01T00:00:00.000Z', data: { campaignId: 'cmp-1' } };
const ended: CampaignEvent = { type: 'CampaignEnded', data: { campaignId: 'cmp-1', endedAt: '2026-04-01T00:00:00.000Z' } };

describe('campaign decider', () => {
  it('launches a campaign at the instant it occurred, in UTC', () => spec.given([]).when(launch).then([launched]));

  it('treats a repeated cost as a no-op, and refuses its id reused with another amount', () => {
    spec.given([launched, costRecorded('cost-1', 5_000)]).when(cost('cost-1', 5_000)).thenNothingHappens();
    spec.given([launched, costRecorded('cost-1', 5_000)]).when(cost('cost-1', 9_000)).thenRejects('campaign_cost.exists_with_other_facts');
  });

  it('treats launching the same campaign again as a no-op', () => spec.given([launched]).when(launch).thenNothingHappens());

  it('rejects relaunching a campaign id under another name', () =>
    spec.given([launched]).when({ ...launch, data: { ...launch.data, name: 'Spring' } } as CampaignCommand).thenRejects('campaign.already_launched'));

  it('rejects a channel outside the known set', () =>
    spec.given([]).when({ ...launch, data: { ...launch.data, channel: 'tv' } } as unknown as CampaignCommand).thenRejects('campaign.invalid_channel'));

  it('records a campaign cost', () => spec.given([launched]).when(cost('k-1', 120_000)).then([costRecorded('k-1', 120_000)]));

  it('treats the same cost id twice as a no-op', () => spec.given([launched, costRecorded('k-1', 120_000)]).when(cost('k-1', 120_000)).thenNothingHappens());

  it('rejects a cost that is not a positive whole number of cents', () => {
    for (const amountCents of [0, -100, 10.5]) spec.given([launched]).when(cost('k-1', amountCents)).thenRejects('campaign.invalid_cost');
  });

  it('rejects a cost in another currency than the earlier costs', () =>
    spec.given([launched, costRecorded('k-1', 120_000)]).when(cost('k-2', 5_000, 'USD')).thenRejects('campaign.currency_mismatch'));

  it('rejects a cost for a campaign that was never launched', () => spec.given([]).when(cost('k-1', 1)).thenRejects('campaign.not_launched'));

  it('records a late bill for an ended campaign', () => spec.given([launched, ended]).when(cost('k-1', 9_900)).then([costRecorded('k-1', 9_900)]));

  it('ends a running campaign', () => spec.given([launched]).when(end).then([ended]));

  it('treats ending an ended campaign as a no-op', () => spec.given([launched, ended]).when(end).thenNothingHappens());

  it('refuses to end a campaign that was never launched', () => spec.given([]).when(end).thenRejects('campaign.not_launched'));
});
