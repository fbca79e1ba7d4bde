import { ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { type ConsultantStatus, ConsultantStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';

@InputType()
export class ConsultantFilter {
  @Field(() => ConsultantStatusEnum, { nullable: true }) status?: ConsultantStatus | null;
}

export enum ConsultantSort {
  NAME_ASC = 'NAME_ASC',
  REGISTERED_AT_DESC = 'REGISTERED_AT_DESC',
  BILL_RATE_DESC = 'BILL_RATE_DESC',
}
registerEnumType(ConsultantSort, { name: 'ConsultantSort' });

export const consultantSorts: Record<ConsultantSort, SortSpec> = {
  NAME_ASC: [['name', 1]],
  REGISTERED_AT_DESC: [['registeredAt', -1]],
  BILL_RATE_DESC: [['billRateCents', -1]],
};

@ArgsType()
export class ConsultantsArgs extends ConnectionArgs {
  @Field(() => ConsultantFilter, { nullable: true }) @ValidateNested() filter?: ConsultantFilter | null;
  @Field(() => ConsultantSort, { defaultValue: ConsultantSort.NAME_ASC }) sort: ConsultantSort = ConsultantSort.NAME_ASC;
}
