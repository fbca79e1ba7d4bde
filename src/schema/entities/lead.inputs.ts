import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { LeadSource, LeadStage } from '../../aggregates/lead/lead.events';
import type { LeadStatus } from '../../projections/sales/leads.projection';
import { LeadSourceEnum, LeadStageEnum } from '../enums/domain.enums';
import { LeadStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { InstantRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class LeadFilter {
  @Field(() => [LeadStageEnum], { nullable: true }) stage?: LeadStage[] | null;
  @Field(() => [LeadStatusEnum], { nullable: true }) status?: LeadStatus[] | null;
  @Field(() => [LeadSourceEnum], { nullable: true }) source?: LeadSource[] | null;
  @Field(() => [ID], { nullable: true }) campaignId?: string[] | null;
  @Field(() => InstantRangeInput, { nullable: true }) @ValidateNested() capturedAt?: InstantRangeInput | null;
}

export enum LeadSort {
  CAPTURED_AT_DESC = 'CAPTURED_AT_DESC',
  CAPTURED_AT_ASC = 'CAPTURED_AT_ASC',
  VALUE_DESC = 'VALUE_DESC',
}
registerEnumType(LeadSort, { name: 'LeadSort' });

export const leadSorts: Record<LeadSort, SortSpec> = {
  CAPTURED_AT_DESC: [['capturedAt', -1]],
  CAPTURED_AT_ASC: [['capturedAt', 1]],
  VALUE_DESC: [['valueCents', -1]],
};

@ArgsType()
export class LeadsArgs extends ConnectionArgs {
  @Field(() => LeadFilter, { nullable: true }) @ValidateNested() filter?: LeadFilter | null;
  @Field(() => LeadSort, { defaultValue: LeadSort.CAPTURED_AT_DESC }) sort: LeadSort = LeadSort.CAPTURED_AT_DESC;
}
