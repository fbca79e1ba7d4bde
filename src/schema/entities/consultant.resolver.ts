import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { consultantStream } from '../../aggregates/consultant/consultant.decider';
import { consultantsProjection, type ConsultantDocument } from '../../projections/delivery/consultants.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { ConsultantsArgs, consultantSorts } from './consultant.inputs';
import { Consultant, ConsultantConnection, toConsultant } from './consultant.type';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';

const collection = consultantsProjection.name;

@Resolver(() => Consultant)
export class ConsultantResolver {
  @Authorized('VIEWER')
  @Query(() => ConsultantConnection, { complexity: pageComplexity })
  consultants(@Args() args: ConsultantsArgs, @Ctx() context: GraphQLContext): Promise<ConsultantConnection> {
    const status = args.filter?.status;
    const filter = new DocumentFilterBuilder().isNull('deactivatedAt', status == null ? undefined : status === 'ACTIVE').build();
    return findPage<ConsultantDocument, Consultant>(context, collection, { filter, sort: consultantSorts[args.sort] }, args, toConsultant);
  }

  @Authorized('VIEWER')
  @Query(() => Consultant, { nullable: true })
  consultant(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Consultant | null> {
    return findOne(context, collection, lookupIdOf('Consultant', id), toConsultant);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The consultant's event stream, oldest first; cursor = revision." })
  history(@Root() consultant: Consultant, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, consultantStream(consultant.consultantId), args);
  }
}
