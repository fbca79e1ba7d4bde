import { Field, InputType } from 'type-graphql';
import type { CampaignChannel } from '../../aggregates/campaign/campaign.events';
import { CampaignChannelEnum } from '../enums/domain.enums';
import { IsCalendarDate, IsCents, IsCurrency, IsEntityId, IsOneOf, IsText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class LaunchCampaignInput {
  @Field() @IsEntityId() campaignId!: string;
  @Field() @IsText(200) name!: string;
  @Field(() => CampaignChannelEnum) @IsOneOf(CampaignChannelEnum) channel!: CampaignChannel;
}

@InputType()
export class RecordCampaignCostInput {
  @Field() @IsEntityId() campaignId!: string;
  @Field({ description: "The bill's or ad spend line's id in its tool; recording it twice changes nothing." }) @IsEntityId() costId!: string;
  @Field(() => SafeIntScalar) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD', description: "A campaign's costs share one currency." }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() incurredOn!: string;
}

@InputType()
export class EndCampaignInput {
  @Field() @IsEntityId() campaignId!: string;
}
