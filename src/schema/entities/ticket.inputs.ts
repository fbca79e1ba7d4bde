import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import type { TicketDocument } from '../../projections/support/tickets.projection';
import { TicketChannelEnum, TicketPriorityEnum } from '../enums/domain.enums';
import { TicketStatusEnum } from '../enums/status.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { InstantRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class TicketFilter {
  @Field(() => [ID], { nullable: true }) clientId?: string[] | null;
  @Field(() => [TicketStatusEnum], { nullable: true }) status?: TicketDocument['status'][] | null;
  @Field(() => [TicketPriorityEnum], { nullable: true }) priority?: TicketPriority[] | null;
  @Field(() => [TicketChannelEnum], { nullable: true }) channel?: TicketChannel[] | null;
  @Field(() => InstantRangeInput, { nullable: true }) @ValidateNested() openedAt?: InstantRangeInput | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only tickets still waiting for a first human reply.' })
  awaitingFirstResponse?: boolean | null;
}

export enum TicketSort {
  OPENED_AT_DESC = 'OPENED_AT_DESC',
  OPENED_AT_ASC = 'OPENED_AT_ASC',
  LAST_RESOLVED_AT_DESC = 'LAST_RESOLVED_AT_DESC',
}
registerEnumType(TicketSort, { name: 'TicketSort' });

export const ticketSorts: Record<TicketSort, SortSpec> = {
  OPENED_AT_DESC: [['openedAt', -1]],
  OPENED_AT_ASC: [['openedAt', 1]],
  LAST_RESOLVED_AT_DESC: [['lastResolvedAt', -1]],
};

@ArgsType()
export class TicketsArgs extends ConnectionArgs {
  @Field(() => TicketFilter, { nullable: true }) @ValidateNested() filter?: TicketFilter | null;
  @Field(() => TicketSort, { defaultValue: TicketSort.OPENED_AT_DESC }) sort: TicketSort = TicketSort.OPENED_AT_DESC;
}
