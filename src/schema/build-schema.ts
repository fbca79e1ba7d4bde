import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { ApiKeysResolver } from './auth/api-keys.resolver';
import { commandResolvers } from './commands';
import { dashboardResolvers } from './dashboards';
import { entityResolvers } from './entities';
import { identityResolvers } from './identity';
import { EventAppendedResolver } from './events/event-appended.resolver';
import { EventsResolver } from './events/events.resolver';
import { ingestResolvers } from './ingest';
import { ProcessorsResolver } from './projections/processors.resolver';
import { ProjectionsResolver } from './projections/projections.resolver';
import { NodeResolver } from './relay/node.resolver';
import { BigIntScalar, DateTimeScalar } from './shared/scalars';
import { workflowResolvers } from './workflows';

/** The API's own resolvers; business areas bring theirs through the three index files. */
export const platformResolvers: Function[] = [EventsResolver, EventAppendedResolver, ProjectionsResolver, ProcessorsResolver, ApiKeysResolver, NodeResolver];

type NonEmpty = [Function, ...Function[]];

/**
 * Subscriptions here follow the event store (`subscribe` option), which works across processes;
 * an in-process topic bus would miss events appended elsewhere, so topics are refused loudly.
 */
const noTopics: PubSub = {
  publish() {
    throw new Error('Topic subscriptions are not supported: use @Subscription({ subscribe }) over the event store or the projection feed');
  },
  subscribe() {
    throw new Error('Topic subscriptions are not supported: use @Subscription({ subscribe }) over the event store or the projection feed');
  },
};

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const resolvers = [...platformResolvers, ...commandResolvers, ...entityResolvers, ...dashboardResolvers, ...identityResolvers, ...ingestResolvers, ...workflowResolvers] as NonEmpty;
  return buildSchema({
    resolvers,
    authChecker,
    pubSub: noTopics,
    // class-validator's forbidUnknownValues would refuse plain objects that are not input classes.
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    scalarsMap: [
      { type: BigInt, scalar: BigIntScalar },
      { type: Date, scalar: DateTimeScalar },
    ],
  });
}

/** The SDL as committed in schema.graphql: sorted, so the file only changes when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
