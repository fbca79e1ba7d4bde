import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import type { TicketDocument } from '../../projections/support/tickets.projection';
import { TicketChannelEnum, TicketPriorityEnum } from '../enums/domain.enums';
import { TicketStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar } from '../shared/scalars';

@ObjectType({ implements: Node, description: 'A support ticket, from the `tickets` read model.' })
export class Ticket implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) ticketId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => TicketChannelEnum) channel!: TicketChannel;
  @Field(() => TicketPriorityEnum) priority!: TicketPriority;
  @Field(() => String) subject!: string;
  @Field(() => TicketStatusEnum) status!: TicketDocument['status'];
  @Field(() => DateTimeScalar) openedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The first human reply.' }) firstRespondedAt!: string | null;
  @Field(() => [DateTimeScalar], { description: 'Every resolution, oldest first (a reopened ticket resolves again).' }) resolvedAts!: string[];
  @Field(() => DateTimeScalar, { nullable: true }) lastResolvedAt!: string | null;
  @Field(() => Int) reopenCount!: number;
}

@ObjectType()
export class TicketConnection extends Connection(Ticket) {}

export function toTicket(document: TicketDocument): Ticket {
  return {
    id: globalIdOf('Ticket', document.ticketId),
    ticketId: document.ticketId,
    clientId: document.clientId,
    channel: document.channel,
    priority: document.priority,
    subject: document.subject,
    status: document.status,
    openedAt: document.openedAt,
    firstRespondedAt: document.firstRespondedAt,
    resolvedAts: document.resolvedAts,
    lastResolvedAt: document.lastResolvedAt,
    reopenCount: document.reopenCount,
  };
}
