import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ticketStream } from '../../aggregates/ticket/ticket.decider';
import { ticketsProjection, type TicketDocument } from '../../projections/support/tickets.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { TicketsArgs, ticketSorts } from './ticket.inputs';
import { Ticket, TicketConnection, toTicket } from './ticket.type';

const collection = ticketsProjection.name;

@Resolver(() => Ticket)
export class TicketResolver {
  @Authorized('VIEWER')
  @Query(() => TicketConnection, { complexity: pageComplexity })
  tickets(@Args() args: TicketsArgs, @Ctx() context: GraphQLContext): Promise<TicketConnection> {
    // Every ticket has an opening; the collection's sum documents (ticket.sums.ts) have none.
    const filter = new DocumentFilterBuilder()
      .bounds('openedAt', { $gte: '' })
      .oneOf('clientId', args.filter?.clientId)
      .oneOf('status', args.filter?.status)
      .oneOf('priority', args.filter?.priority)
      .oneOf('channel', args.filter?.channel)
      .instants('openedAt', args.filter?.openedAt)
      .isNull('firstRespondedAt', args.filter?.awaitingFirstResponse ? true : undefined)
      .build();
    return findPage<TicketDocument, Ticket>(context, collection, { filter, sort: ticketSorts[args.sort] }, args, toTicket);
  }

  @Authorized('VIEWER')
  @Query(() => Ticket, { nullable: true })
  ticket(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Ticket | null> {
    return findOne(context, collection, lookupIdOf('Ticket', id), toTicket);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The ticket's event stream, oldest first; cursor = revision." })
  history(@Root() ticket: Ticket, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, ticketStream(ticket.ticketId), args);
  }
}
