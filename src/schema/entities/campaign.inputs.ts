import { ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import type { CampaignChannel } from '../../aggregates/campaign/campaign.events';
import { CampaignChannelEnum } from '../enums/domain.enums';
import { type CampaignStatus, CampaignStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { InstantRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class CampaignFilter {
  @Field(() => [CampaignChannelEnum], { nullable: true }) channel?: CampaignChannel[] | null;
  @Field(() => CampaignStatusEnum, { nullable: true }) status?: CampaignStatus | null;
  @Field(() => InstantRangeInput, { nullable: true }) @ValidateNested() launchedAt?: InstantRangeInput | null;
}

export enum CampaignSort {
  LAUNCHED_AT_DESC = 'LAUNCHED_AT_DESC',
  TOTAL_COST_DESC = 'TOTAL_COST_DESC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(CampaignSort, { name: 'CampaignSort' });

export const campaignSorts: Record<CampaignSort, SortSpec> = {
  LAUNCHED_AT_DESC: [['launchedAt', -1]],
  TOTAL_COST_DESC: [['totalCostCents', -1]],
  NAME_ASC: [['name', 1]],
};

@ArgsType()
export class CampaignsArgs extends ConnectionArgs {
  @Field(() => CampaignFilter, { nullable: true }) @ValidateNested() filter?: CampaignFilter | null;
  @Field(() => CampaignSort, { defaultValue: CampaignSort.LAUNCHED_AT_DESC }) sort: CampaignSort = CampaignSort.LAUNCHED_AT_DESC;
}
