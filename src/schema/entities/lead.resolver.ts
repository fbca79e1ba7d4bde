import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { leadStream } from '../../aggregates/lead/lead.decider';
import { type LeadDocument, leadsProjection } from '../../projections/sales/leads.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { LeadsArgs, leadSorts } from './lead.inputs';
import { Lead, LeadConnection, toLead } from './lead.type';

const collection = leadsProjection.name;

@Resolver(() => Lead)
export class LeadResolver {
  @Authorized('VIEWER')
  @Query(() => LeadConnection, { complexity: pageComplexity })
  leads(@Args() args: LeadsArgs, @Ctx() context: GraphQLContext): Promise<LeadConnection> {
    const filter = new DocumentFilterBuilder()
      .oneOf('stage', args.filter?.stage)
      .oneOf('status', args.filter?.status)
      .oneOf('source', args.filter?.source)
      .oneOf('campaignId', args.filter?.campaignId)
      .instants('capturedAt', args.filter?.capturedAt)
      .build();
    return findPage<LeadDocument, Lead>(context, collection, { filter, sort: leadSorts[args.sort] }, args, toLead);
  }

  @Authorized('VIEWER')
  @Query(() => Lead, { nullable: true })
  lead(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Lead | null> {
    return findOne(context, collection, lookupIdOf('Lead', id), toLead);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The lead's event stream, oldest first; cursor = revision." })
  history(@Root() lead: Lead, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, leadStream(lead.leadId), args);
  }
}
