import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ConnectionArgs, connectionOfList } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { selectsNodeField } from '../shared/selection';
import type { ProjectionAdvance } from './projection-feed';
import { ProjectionAdvancedType, ProjectionConnection, ProjectionStatusType, toProjectionStatus } from './projection-status.type';

@Resolver()
export class ProjectionsResolver {
  @Authorized('VIEWER')
  @Query(() => ProjectionConnection, { complexity: pageComplexity, description: 'Every read model by name: position, lag, failure and rebuild progress.' })
  async projections(@Args() args: ConnectionArgs, @Ctx() { services, platform }: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<ProjectionConnection> {
    // Lag reads the log (up to 10,000 events per projection): only when asked for.
    const lags = new Map(selectsNodeField(info, 'lag') ? (await services.projections.lag()).map((lag) => [lag.name, lag]) : []);
    const statuses = services.projections.status().map((status) => toProjectionStatus(status, lags.get(status.name) ?? null, platform.rebuilds.isRunning(status.name)));
    return connectionOfList(statuses, (status) => status.name, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProjectionStatusType, {
    description: 'Starts rebuilding a read model from the log and returns at once; follow it with `projections`.',
  })
  rebuildProjection(@Arg('name') name: string, @Ctx() { services, platform, correlationId }: GraphQLContext): ProjectionStatusType {
    platform.rebuilds.start(name, correlationId);
    const status = services.projections.status().find((candidate) => candidate.name === name)!;
    return toProjectionStatus(status, null, platform.rebuilds.isRunning(name));
  }

  @Authorized('VIEWER')
  @Subscription(() => ProjectionAdvancedType, {
    description: 'Emits when read models apply new events (latest position per projection), so dashboards can refetch.',
    subscribe: ({ args, context }) => (context as GraphQLContext).platform.projectionFeed.subscribe((args as { names?: string[] | null }).names ?? null),
  })
  projectionAdvanced(
    @Root() advance: ProjectionAdvance,
    @Arg('names', () => [String], { nullable: true, description: 'Only these projections; all when omitted.' }) _names: string[] | null,
  ): ProjectionAdvancedType {
    return advance;
  }
}
