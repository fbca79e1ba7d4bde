import { Field, ID, ObjectType } from 'type-graphql';
import type { CampaignChannel } from '../../aggregates/campaign/campaign.events';
import type { CampaignDocument } from '../../projections/sales/campaigns.projection';
import { CampaignChannelEnum } from '../enums/domain.enums';
import { type CampaignStatus, CampaignStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType()
export class CampaignCost {
  @Field(() => ID) costId!: string;
  @Field(() => SafeIntScalar) amountCents!: number;
  @Field({ description: 'YYYY-MM-DD' }) incurredOn!: string;
}

@ObjectType({ implements: Node, description: 'A marketing campaign, from the `campaigns` read model.' })
export class Campaign implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) campaignId!: string;
  @Field() name!: string;
  @Field(() => CampaignChannelEnum) channel!: CampaignChannel;
  @Field(() => CampaignStatusEnum) status!: CampaignStatus;
  @Field(() => DateTimeScalar) launchedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) endedAt!: string | null;
  @Field(() => String, { nullable: true, description: "The costs' currency; null before the first cost." }) currency!: string | null;
  @Field(() => [CampaignCost]) costs!: CampaignCost[];
  @Field(() => SafeIntScalar) totalCostCents!: number;
  @Field(() => String, { nullable: true }) firstCostOn!: string | null;
  @Field(() => String, { nullable: true }) lastCostOn!: string | null;
}

@ObjectType()
export class CampaignConnection extends Connection(Campaign) {}

export function toCampaign(document: CampaignDocument): Campaign {
  return {
    id: globalIdOf('Campaign', document.campaignId),
    campaignId: document.campaignId,
    name: document.name,
    channel: document.channel,
    status: document.endedAt === null ? 'ACTIVE' : 'ENDED',
    launchedAt: document.launchedAt,
    endedAt: document.endedAt,
    currency: document.currency,
    costs: document.costs,
    totalCostCents: document.totalCostCents,
    firstCostOn: document.firstCostOn,
    lastCostOn: document.lastCostOn,
  };
}
