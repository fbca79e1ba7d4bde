import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { ClientTier } from '../../aggregates/client/client.events';
import { ClientTierEnum } from '../enums/domain.enums';
import { type ClientStatus, ClientStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { InstantRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class ClientFilter {
  @Field(() => [ClientTierEnum], { nullable: true }) tier?: ClientTier[] | null;
  @Field(() => [ClientStatusEnum], { nullable: true }) status?: ClientStatus[] | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => ID, { nullable: true }) sourceCampaignId?: string | null;
  @Field(() => InstantRangeInput, { nullable: true }) @ValidateNested() onboardedAt?: InstantRangeInput | null;
}

export enum ClientSort {
  NAME_ASC = 'NAME_ASC',
  ONBOARDED_AT_DESC = 'ONBOARDED_AT_DESC',
  ONBOARDED_AT_ASC = 'ONBOARDED_AT_ASC',
}
registerEnumType(ClientSort, { name: 'ClientSort' });

export const clientSorts: Record<ClientSort, SortSpec> = {
  NAME_ASC: [['name', 1]],
  ONBOARDED_AT_DESC: [['onboardedAt', -1]],
  ONBOARDED_AT_ASC: [['onboardedAt', 1]],
};

@ArgsType()
export class ClientsArgs extends ConnectionArgs {
  @Field(() => ClientFilter, { nullable: true }) @ValidateNested() filter?: ClientFilter | null;
  @Field(() => ClientSort, { defaultValue: ClientSort.NAME_ASC }) sort: ClientSort = ClientSort.NAME_ASC;
}
