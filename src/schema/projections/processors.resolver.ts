import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ConnectionArgs, connectionOfList } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { selectsNodeField } from '../shared/selection';
import { ProcessorConnection, toProcessorStatus } from './processor-status.type';

@Resolver()
export class ProcessorsResolver {
  @Authorized('VIEWER')
  @Query(() => ProcessorConnection, { complexity: pageComplexity, description: 'Everything that follows the log — projections and reactors — by name: kind, position, state and lag.' })
  async processors(@Args() args: ConnectionArgs, @Ctx() { services }: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ProcessorConnection> {
    // Lag reads the log (up to 10,000 events per processor): only when asked for.
    const lags = new Map(selectsNodeField(info, 'lag') ? (await services.processors.lag()).map((lag) => [lag.name, lag]) : []);
    const statuses = (await services.processors.status()).map((status) => toProcessorStatus(status, lags.get(status.name) ?? null));
    return connectionOfList(statuses, (status) => status.name, args);
  }
}
