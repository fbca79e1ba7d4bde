import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { clientStream } from '../../aggregates/client/client.decider';
import { type ClientDocument, clientsCollection } from '../../projections/financial/clients.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { ClientsArgs, clientSorts } from './client.inputs';
import { Client, ClientConnection, toClient } from './client.type';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';

@Resolver(() => Client)
export class ClientResolver {
  @Authorized('VIEWER')
  @Query(() => ClientConnection, { complexity: pageComplexity })
  clients(@Args() args: ClientsArgs, @Ctx() context: GraphQLContext): Promise<ClientConnection> {
    const filter = new DocumentFilterBuilder()
      .oneOf('tier', args.filter?.tier)
      .oneOf('active', args.filter?.status?.map((status) => status === 'ACTIVE'))
      .equals('industry', args.filter?.industry)
      .equals('sourceCampaignId', args.filter?.sourceCampaignId)
      .instants('onboardedAt', args.filter?.onboardedAt)
      .build();
    return findPage<ClientDocument, Client>(context, clientsCollection, { filter, sort: clientSorts[args.sort] }, args, toClient);
  }

  @Authorized('VIEWER')
  @Query(() => Client, { nullable: true })
  client(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Client | null> {
    return findOne(context, clientsCollection, lookupIdOf('Client', id), toClient);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The client's event stream, oldest first; cursor = revision." })
  history(@Root() client: Client, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, clientStream(client.clientId), args);
  }
}
