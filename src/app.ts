import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openEventStoreDb } from './adapters/eventstoredb/eventstoredb-event-store';
import { openMongoReadStore } from './adapters/mongodb/mongodb-read-store';
import { openSqliteEventStore } from './adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from './adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from './aggregates';
import { createCommandBus } from './aggregates/command-bus';
import type { AppServices } from './app-services';
import type { AppConfig } from './config';
import type { EventStore } from './core/event-store.port';
import { ProjectionRunner } from './core/projection-runner';
import type { ReadStore } from './core/read-store.port';
import { systemClock } from './core/time';
import { healthRoutes } from './http/health.routes';
import { startHttpServer } from './http/http-server';
import { loadIdentityLookup } from './ingest/identity/identity-lookup';
import { ingestRoutes } from './ingest/receiver/webhook.routes';
import { translators } from './ingest/translators';
import { startIngestWorker } from './ingest/worker/start-ingest-worker';
import { allProjections } from './projections';
import { ApiKeys } from './schema/auth/api-keys.service';
import { buildAppSchema } from './schema/build-schema';
import type { PlatformServices } from './schema/context';
import { eventsExportRoute } from './schema/export/events-export.route';
import { createGraphQLEndpoint } from './schema/graphql-http';
import type { QueryLimits } from './schema/hardening/query-limits';
import { ProjectionFeed } from './schema/projections/projection-feed';
import { Rebuilds } from './schema/projections/rebuilds';
import { ensureFirstAdminKey } from './schema/auth/first-admin-key';

export interface RunningApp {
  readonly url: string;
  readonly services: AppServices;
  readonly platform: PlatformServices;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Replaces services after composition, e.g. to inject a fault in an end-to-end test. */
  readonly decorate?: (services: AppServices) => AppServices;
  /** Depth and complexity limits of GraphQL operations; defaults to `defaultQueryLimits`. */
  readonly queryLimits?: QueryLimits;
}

export async function openEventStore(config: AppConfig): Promise<{ store: EventStore; adapter: string }> {
  if (config.eventStoreUrl) return { store: await openEventStoreDb({ connectionString: config.eventStoreUrl }), adapter: 'eventstoredb' };
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, 'events.sqlite');
  return { store: await openSqliteEventStore({ path, synchronous: config.sqliteSynchronous }), adapter: `sqlite:${path}` };
}

export async function openReadStore(config: AppConfig): Promise<ReadStore> {
  if (config.mongodbUrl) return openMongoReadStore({ url: config.mongodbUrl });
  return openSqliteReadStore({ path: join(config.dataDir, 'read-models.sqlite') });
}

/** Undo steps run in reverse, so a failure half-way through start closes what was opened. */
class Shutdown {
  private readonly steps: Array<() => Promise<void> | void> = [];
  add(step: () => Promise<void> | void): void {
    this.steps.unshift(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0)) await step();
  }
}

/**
 * The composition root: picks the adapters from configuration, builds the services, starts the
 * projection runner and serves health, GraphQL (HTTP and WebSocket) and the export on one port.
 */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const shutdown = new Shutdown();
  try {
    const { store, adapter } = await openEventStore(config);
    shutdown.add(() => store.close());
    const readStore = await openReadStore(config);
    shutdown.add(() => readStore.close());
    const runner = new ProjectionRunner({ eventStore: store, readStore, projections: allProjections, clock: systemClock });
    const composed: AppServices = {
      config,
      clock: systemClock,
      eventStore: store,
      readStore,
      commands: createCommandBus<BusinessCommand>(store, commandRoutes),
      projections: runner,
      kpi: { reads: readStore, timeZone: config.businessTimeZone },
    };
    const services = options.decorate ? options.decorate(composed) : composed;
    await runner.start();
    shutdown.add(() => runner.stop());

    const platform = await startPlatform(services);
    shutdown.add(() => platform.stop());
    const graphql = await createGraphQLEndpoint({
      schema: await buildAppSchema(),
      deps: { services, platform },
      introspection: config.graphqlIntrospection,
      limits: options.queryLimits,
    });
    shutdown.add(() => graphql.stop());
    const ingest = ingestRoutes(services);
    shutdown.add(() => ingest.stop());
    const worker = await startIngestWorker(services, { translators, identities: () => loadIdentityLookup(services.readStore) });
    shutdown.add(() => worker.stop());
    const routes = [...healthRoutes({ store, adapter }), ...graphql.routes, eventsExportRoute({ services, platform }), ...ingest.routes];
    const server = await startHttpServer(routes, config.port);
    shutdown.add(() => server.close());
    // Runs before the server closes: closing waits for every connection, WebSockets included.
    shutdown.add(graphql.attach(server.server));
    return { url: server.url, services, platform, stop: () => shutdown.run() };
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

async function startPlatform(services: AppServices): Promise<PlatformServices & { stop(): Promise<void> }> {
  const apiKeys = new ApiKeys(services.eventStore, services.clock);
  await apiKeys.start();
  const projectionFeed = new ProjectionFeed(services.projections);
  const rebuilds = new Rebuilds(services.projections);
  const { adminKey } = services.config;
  if (adminKey) {
    const key = await apiKeys.register(adminKey, 'bootstrap admin', 'ADMIN', { actor: 'system:bootstrap', correlationId: 'bootstrap' });
    if (key.revokedAt) console.warn(JSON.stringify({ level: 'warn', msg: 'ZIXLY_ADMIN_KEY names a revoked key; it stays revoked', keyId: key.keyId }));
  } else {
    await ensureFirstAdminKey(apiKeys, services.config.dataDir);
  }
  return {
    apiKeys,
    projectionFeed,
    rebuilds,
    async stop() {
      projectionFeed.stop();
      await apiKeys.stop();
    },
  };
}
