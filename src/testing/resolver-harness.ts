import 'reflect-metadata';
import { graphql, type GraphQLFormattedError } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from '../aggregates';
import { createCommandBus } from '../aggregates/command-bus';
import type { AppServices } from '../app-services';
import { loadConfig } from '../config';
import { ProjectionRunner } from '../core/projection-runner';
import { systemClock } from '../core/time';
import { deliveryProjections } from '../projections/delivery';
import { financialProjections } from '../projections/financial';
import { salesProjections } from '../projections/sales';
import { supportProjections } from '../projections/support';
import { authChecker } from '../schema/auth/auth-checker';
import type { GraphQLContext, PlatformServices, Role } from '../schema/context';
import { formatError } from '../schema/error-mapping';

export interface GraphQLResponse<T = Record<string, any>> {
  readonly data?: T | null;
  /** As a client receives them: mapped by the platform's `formatError`. */
  readonly errors?: readonly GraphQLFormattedError[];
}

export interface ResolverHarness {
  readonly services: AppServices;
  /** Executes an operation as a caller with `role` (null: no API key). */
  execute<T = Record<string, any>>(source: string, variables?: Record<string, unknown>, role?: Role | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Resolvers on the real services — SQLite `:memory:` stores, the real command bus and projection
 * runner — with the platform's auth checker and error mapping, executed in-process with `graphql()`.
 * Stands in for the HTTP harness of the composed app until that exists.
 */
export async function openResolverHarness(resolvers: readonly Function[]): Promise<ResolverHarness> {
  const eventStore = await openSqliteEventStore({ path: ':memory:' });
  const readStore = await openSqliteReadStore({ path: ':memory:' });
  const projections = new ProjectionRunner({
    eventStore,
    readStore,
    projections: [...deliveryProjections, ...financialProjections, ...supportProjections, ...salesProjections],
  });
  await projections.start();
  const config = loadConfig({ NODE_ENV: 'test' });
  const services: AppServices = {
    config,
    clock: systemClock,
    eventStore,
    readStore,
    commands: createCommandBus<BusinessCommand>(eventStore, commandRoutes),
    projections,
    kpi: { reads: readStore, timeZone: config.businessTimeZone },
  };
  const schema = await buildSchema({ resolvers: resolvers as NonEmptyArray<Function>, authChecker, validate: true });
  let request = 0;

  return {
    services,
    async execute(source, variables, role = 'ADMIN') {
      request += 1;
      const context: GraphQLContext = {
        services,
        // The resolvers under test never touch the platform's own services.
        platform: {} as PlatformServices,
        principal: role === null ? null : { keyId: `key-${role.toLowerCase()}`, name: `${role} key`, role },
        requestId: `request-${request}`,
        correlationId: `correlation-${request}`,
      };
      const result = await graphql({ schema, source, variableValues: variables, contextValue: context });
      const errors = result.errors?.map((error) => formatError(error.toJSON(), error));
      return { data: result.data as never, ...(errors ? { errors } : {}) };
    },
    async close() {
      await projections.stop();
      await eventStore.close();
      await readStore.close();
    },
  };
}
