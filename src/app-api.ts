import type { Server } from 'node:http';
import type { AppServices } from './app-services';
import type { Shutdown } from './app-shutdown';
import type { Route } from './http/http-server';
import { platformRoutes, type PlatformCommand } from './aggregates';
import { createCommandBus } from './aggregates/command-bus';
import { createIdentityService } from './ingest/identity/identity.service';
import { checkTools } from './tools/tools-check';
import type { RejectStore } from './ingest/quarantine/reject-store';
import { ingestRoutes } from './ingest/receiver/webhook.routes';
import { logger } from './logging/logger';
import type { ApiKeys } from './schema/auth/api-keys.service';
import { ensureFirstAdminKey } from './schema/auth/first-admin-key';
import { buildAppSchema } from './schema/build-schema';
import type { PlatformServices } from './schema/context';
import { KpiCache } from './schema/dashboards/kpi-cache';
import { ResponseCache } from './schema/dashboards/response-cache';
import { eventsExportRoute } from './schema/export/events-export.route';
import { createGraphQLEndpoint } from './schema/graphql-http';
import type { SchemaServices } from './schema/schema-services';
import { KeyRateLimiter } from './schema/hardening/key-rate-limiter';
import type { QueryLimits } from './schema/hardening/query-limits';
import { webSessionRoutes } from './schema/auth/web-session.routes';
import { WebSessions } from './schema/auth/web-sessions.service';
import { WebAssets } from './webapp/web-assets';
import { webAppRoutes, webPages } from './webapp/webapp.routes';
import { ProjectionFeed } from './schema/projections/projection-feed';
import { Rebuilds } from './schema/projections/rebuilds';

export interface ApiParts {
  readonly platform: PlatformServices;
  /** What the resolvers see (GraphQL context `services`). */
  readonly schemaServices: SchemaServices;
  /** GraphQL over HTTP, the NDJSON export and the webhook receiver. */
  readonly routes: Route[];
  /** Serves GraphQL subscriptions on the server; the result closes them. */
  attach(server: Server): () => Promise<void>;
}

/**
 * What `zixly serve` adds to a worker: API keys, GraphQL (HTTP and WebSocket), the export, webhooks
 * and the web app. `apiKeys` is running already: its index is one of the reactors (app-processors.ts).
 */
export async function startApi(services: AppServices, apiKeys: ApiKeys, options: { queryLimits?: QueryLimits; webRoot?: string }, shutdown: Shutdown): Promise<ApiParts> {
  const platform = await startPlatform(services, apiKeys);
  shutdown.add(() => platform.stop());
  const assets = new WebAssets(options.webRoot);
  const ingest = ingestRoutes(services);
  shutdown.add(() => ingest.stop());
  const schemaServices = schemaServicesOf(services, ingest.rejects);
  const graphql = await createGraphQLEndpoint({
    schema: await buildAppSchema(),
    deps: { services: schemaServices, platform },
    introspection: services.config.graphqlIntrospection,
    limits: options.queryLimits,
    ide: (request, response) => assets.send(request, response, webPages.graphqlIde),
  });
  shutdown.add(() => graphql.stop());
  const web = [...webSessionRoutes({ sessions: platform.sessions, businessTimeZone: services.config.businessTimeZone }), ...webAppRoutes(assets)];
  return { platform, schemaServices, routes: [...graphql.routes, eventsExportRoute({ services: schemaServices, platform }), ...ingest.routes, ...web], attach: graphql.attach };
}

/** The schema's narrow view of the app: ports, the command bus, its settings and its caches. */
export function schemaServicesOf(services: AppServices, webhookRejects: RejectStore): SchemaServices {
  const { config } = services;
  return {
    clock: services.clock,
    eventStore: services.eventStore,
    readStore: services.readStore,
    commands: services.commands,
    projections: services.projections,
    processors: services.processors,
    kpi: services.kpi,
    openScratchReadStore: services.openScratchReadStore,
    settings: { apiLimits: config.apiLimits, businessTimeZone: config.businessTimeZone, asOfMaxEvents: config.asOfMaxEvents },
    kpiCache: new KpiCache(services.projections),
    responseCache: new ResponseCache(),
    webhookRejects,
    checkTools: () => checkTools(config),
  };
}

async function startPlatform(services: AppServices, apiKeys: ApiKeys): Promise<PlatformServices & { sessions: WebSessions; stop(): Promise<void> }> {
  const projectionFeed = new ProjectionFeed(services.projections);
  const rebuilds = new Rebuilds(services.projections);
  const { adminKey } = services.config;
  if (adminKey) {
    const key = await apiKeys.register(adminKey, 'bootstrap admin', 'ADMIN', { actor: 'system:bootstrap', correlationId: 'bootstrap' });
    if (key.revokedAt) logger.warn({ component: 'auth', keyId: key.keyId }, 'ZIXLY_ADMIN_KEY names a revoked key; it stays revoked');
  } else {
    await ensureFirstAdminKey(apiKeys, services.config.dataDir);
  }
  return {
    apiKeys,
    identities: createIdentityService(createCommandBus<PlatformCommand>(services.eventStore, platformRoutes)),
    sessions: new WebSessions(apiKeys, services.clock),
    projectionFeed,
    rebuilds,
    rateLimiter: new KeyRateLimiter(services.config.apiLimits),
    async stop() {
      projectionFeed.stop();
    },
  };
}
