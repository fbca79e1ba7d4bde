import { Field, InputType, Int } from 'type-graphql';
import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import { TicketChannelEnum, TicketPriorityEnum } from '../enums/domain.enums';
import { IsEntityId, IsOneOf, IsOptionalText, IsText, IsWholeNumber } from './input.validators';

@InputType()
export class OpenTicketInput {
  @Field() @IsEntityId() ticketId!: string;
  @Field() @IsEntityId() clientId!: string;
  @Field(() => TicketChannelEnum) @IsOneOf(TicketChannelEnum) channel!: TicketChannel;
  @Field(() => TicketPriorityEnum) @IsOneOf(TicketPriorityEnum) priority!: TicketPriority;
  @Field() @IsText(300) subject!: string;
}

@InputType()
export class RecordFirstResponseInput {
  @Field() @IsEntityId() ticketId!: string;
  @Field({ description: 'The person who replied (not a bot or auto-reply).' }) @IsEntityId() responderId!: string;
}

@InputType()
export class ResolveTicketInput {
  @Field() @IsEntityId() ticketId!: string;
}

@InputType()
export class ReopenTicketInput {
  @Field() @IsEntityId() ticketId!: string;
}

@InputType()
export class RateTicketInput {
  @Field() @IsEntityId() ticketId!: string;
  @Field({ description: "The rating's id in the support tool; recording it twice changes nothing." }) @IsEntityId() ratingId!: string;
  @Field(() => Int, { description: 'CSAT score from 1 to 5.' }) @IsWholeNumber(1, 5) score!: number;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) comment?: string | null;
}

@InputType()
export class RecordNpsResponseInput {
  @Field({ description: "The response's id in the survey tool; recording it twice changes nothing." }) @IsEntityId() responseId!: string;
  @Field() @IsEntityId() clientId!: string;
  @Field(() => Int, { description: 'NPS score from 0 to 10.' }) @IsWholeNumber(0, 10) score!: number;
  @Field(() => String, { nullable: true }) @IsOptionalText(2000) comment?: string | null;
}
