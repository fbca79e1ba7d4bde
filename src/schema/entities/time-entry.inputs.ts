import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { DateRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class TimeEntryFilter {
  @Field(() => [ID], { nullable: true }) projectId?: string[] | null;
  @Field(() => [ID], { nullable: true }) consultantId?: string[] | null;
  @Field(() => [ID], { nullable: true }) clientId?: string[] | null;
  @Field(() => Boolean, { nullable: true }) billable?: boolean | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() workDate?: DateRangeInput | null;
}

export enum TimeEntrySort {
  WORK_DATE_DESC = 'WORK_DATE_DESC',
  WORK_DATE_ASC = 'WORK_DATE_ASC',
  HOURS_DESC = 'HOURS_DESC',
}
registerEnumType(TimeEntrySort, { name: 'TimeEntrySort' });

export const timeEntrySorts: Record<TimeEntrySort, SortSpec> = {
  WORK_DATE_DESC: [['workDate', -1]],
  WORK_DATE_ASC: [['workDate', 1]],
  HOURS_DESC: [['hours', -1]],
};

@ArgsType()
export class TimeEntriesArgs extends ConnectionArgs {
  @Field(() => TimeEntryFilter, { nullable: true }) @ValidateNested() filter?: TimeEntryFilter | null;
  @Field(() => TimeEntrySort, { defaultValue: TimeEntrySort.WORK_DATE_DESC }) sort: TimeEntrySort = TimeEntrySort.WORK_DATE_DESC;
}
