import { hoursOnOtherProjects } from './projections/delivery/time.queries';
import { openSqliteReadStore } from './adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from './aggregates';
import { createCommandBus } from './aggregates/command-bus';
import { startApi } from './app-api';
import type { AppServices } from './app-services';
import { createProcessors, reactorGroups, runReactorGroups } from './app-processors';
import { watchForDamage } from './app-recovery';
import { Shutdown } from './app-shutdown';
import { openEventStore, openReadStore } from './app-stores';
import type { AppConfig } from './config';
import type { RecordedEvent } from './core/messages';
import { eventDataProblem } from './events/event-validation';
import { systemClock } from './core/time';
import { healthRoutes } from './http/health.routes';
import { type ExchangeObserver, type HttpTimeouts, type Route, startHttpServer } from './http/http-server';
import { logExchange } from './http/request-log';
import { identityLookupLoader } from './ingest/identity/identity-lookup';
import { clientIdentitiesCollection } from './projections/identity/client-identities.projection';
import { withPaymentAllocations } from './ingest/identity/payment-allocations.lookup';
import { SyncScheduler } from './ingest/sync/sync-scheduler';
import { paymentsNamedBy, translators } from './ingest/translators';
import { createIngestWorker } from './ingest/worker/start-ingest-worker';
import { createWorkflowEngine } from './workflows/start-workflows';
import type { LeaseKeeper } from './core/lease-keeper';
import { startProcessorLeases, syncLeaseName, workflowsLease } from './fleet/processor-leases';
import { configureLogger } from './logging/logger';
import { AppMetrics } from './metrics/app-metrics';
import { withCommandMetrics } from './metrics/command-bus.metrics';
import { metricsRoute } from './metrics/metrics.routes';
import { trackProjections, trackReactors } from './metrics/projection-lag.metrics';
import { ApiKeys } from './schema/auth/api-keys.service';
import type { PlatformServices } from './schema/context';
import type { QueryLimits } from './schema/hardening/query-limits';
import type { SchemaServices } from './schema/schema-services';

export interface RunningApp {
  readonly url: string;
  /** The address the server is bound to (`HOST` and `PORT` as the OS applied them). */
  readonly boundAddress: string;
  readonly services: AppServices;
  readonly platform: PlatformServices;
  /** The services the GraphQL resolvers see (their context's `services`), with the API's caches. */
  readonly schemaServices: SchemaServices;
  /**
   * Settles once the start-up walk of the embedded event log (a page per turn of the event loop,
   * sharing it with requests) is over; benchmarks wait for it before measuring latency.
   */
  readonly logChecked: Promise<void>;
  stop(): Promise<void>;
}

/** `zixly worker`: everything but the API; serves only the probes and metrics, on WORKER_PORT when set. */
export interface RunningWorker {
  readonly url: string | null;
  /** The address its probe server is bound to, null without WORKER_PORT. */
  readonly boundAddress: string | null;
  readonly services: AppServices;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Replaces services after composition, e.g. to inject a fault in an end-to-end test. */
  readonly decorate?: (services: AppServices) => AppServices;
  /** Depth and complexity limits of GraphQL operations; defaults to `defaultQueryLimits`. */
  readonly queryLimits?: QueryLimits;
  /** The built web app (`vite build`); defaults to `dist/web`. */
  readonly webRoot?: string;
}

/**
 * The composition root of `zixly serve`: the worker's parts plus API keys, GraphQL (HTTP and
 * WebSocket), the export and webhooks, with the probes and metrics on one port. Stopping runs in
 * reverse: subscriptions, the server (in-flight requests finish), the API, background work,
 * metrics, the projections (batches finish, checkpoints saved), then the stores.
 */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const shutdown = new Shutdown();
  try {
    const core = await startCore(config, options, shutdown, { serving: true });
    const api = await startApi(core.services, core.apiKeys!, options, shutdown);
    const server = await startHttpServer([...core.routes, ...api.routes], config.port, config.host, core.observers, httpTimeoutsOf(config));
    shutdown.add(() => server.close());
    // Runs before the server closes: closing waits for every connection, WebSockets included.
    shutdown.add(api.attach(server.server));
    return { url: server.url, boundAddress: server.boundAddress, services: core.services, platform: api.platform, schemaServices: api.schemaServices, logChecked: core.logChecked, stop: () => shutdown.run() };
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

/** The composition root of `zixly worker`: stores, projections and background work, without the API. */
export async function startWorker(config: AppConfig, options: StartOptions = {}): Promise<RunningWorker> {
  const shutdown = new Shutdown();
  try {
    const core = await startCore(config, options, shutdown, { serving: false });
    const port = config.ops.workerPort;
    const server = port === null ? null : await startHttpServer(core.routes, port, config.host, core.observers, httpTimeoutsOf(config));
    if (server) shutdown.add(() => server.close());
    return { url: server?.url ?? null, boundAddress: server?.boundAddress ?? null, services: core.services, stop: () => shutdown.run() };
  } catch (error) {
    await shutdown.run();
    throw error;
  }
}

interface Core {
  readonly services: AppServices;
  /** The probes, and /metrics unless METRICS_ENABLED=false. */
  readonly routes: Route[];
  readonly observers: ExchangeObserver[];
  readonly logChecked: Promise<void>;
  /** The API-key index, kept by one of the reactors; null in `zixly worker`. */
  readonly apiKeys: ApiKeys | null;
}

/** Picks the adapters from configuration, builds the services and starts what follows the log. */
async function startCore(config: AppConfig, options: StartOptions, shutdown: Shutdown, { serving }: { serving: boolean }): Promise<Core> {
  configureLogger({ level: config.ops.logLevel });
  const { store, adapter } = await openEventStore(config);
  shutdown.add(() => store.close());
  const { readStore, reset } = await openReadStore(config, { repair: true });
  shutdown.add(() => readStore.close());
  const metrics = config.ops.metricsEnabled ? new AppMetrics() : null;
  const leases = await startProcessorLeases(config, shutdown);
  const malformed = (event: RecordedEvent) => eventDataProblem(event.type, event.data);
  const lookups = { hoursOnOtherProjects: (consultantId: string, workDate: string, exceptProjectId: string) => hoursOnOtherProjects(readStore, consultantId, workDate, exceptProjectId) };
  const commands = createCommandBus<BusinessCommand>(store, commandRoutes, { factWindow: config.factWindow, clock: systemClock, lookups });
  const processors = createProcessors({ config, eventStore: store, readStore, clock: systemClock }, leases, malformed);
  const runner = processors.runner;
  const composed: AppServices = {
    config,
    clock: systemClock,
    eventStore: store,
    readStore,
    commands: metrics ? withCommandMetrics(commands, metrics) : commands,
    projections: runner,
    processors,
    kpi: { reads: readStore, timeZone: config.businessTimeZone, baseCurrency: config.baseCurrency },
    openScratchReadStore: () => openSqliteReadStore({ path: ':memory:' }),
  };
  const services = options.decorate ? options.decorate(composed) : composed;
  await runner.start();
  shutdown.add(() => runner.stop());
  const logChecked = watchForDamage(store, adapter, runner, reset, shutdown);
  if (metrics) {
    trackProjections(metrics, services.projections);
    trackReactors(metrics, services.processors);
  }
  const apiKeys = serving ? new ApiKeys(services.eventStore, services.clock) : null;
  await startBackgroundWork(services, shutdown, metrics, leases, apiKeys);
  const health = healthRoutes({ store, adapter, readStore, projections: services.projections, lagThreshold: config.ops.projectionLagThreshold });
  return {
    services,
    routes: metrics ? [...health, metricsRoute(metrics)] : health,
    observers: metrics ? [logExchange, metrics.observeExchange] : [logExchange],
    logChecked,
    apiKeys,
  };
}

/**
 * Work that follows the log and runs commands (every reactor, see `reactorGroups`), and the sync
 * jobs; stopped before the projections and the stores. Under leases each part runs only while this
 * process holds its lease.
 */
async function startBackgroundWork(services: AppServices, shutdown: Shutdown, metrics: AppMetrics | null, leases: LeaseKeeper | null, apiKeys: ApiKeys | null): Promise<void> {
  const identities = identityLookupLoader(services.readStore);
  const allocationsCaughtUp = async () => {
    const head = await services.eventStore.headPosition();
    return head === null || services.projections.waitFor(head, 5_000);
  };
  // A delivery received after its contact was linked is never parked for a read model still behind.
  const identitiesReached = (position: bigint) => services.projections.reached(clientIdentitiesCollection, position);
  const workerIdentities = withPaymentAllocations(identities, services.readStore, paymentsNamedBy, allocationsCaughtUp);
  const worker = createIngestWorker(services, { translators, identities: workerIdentities, identitiesReached });
  const mayRunSync = leases ? (tool: string) => leases.held(syncLeaseName(tool)) !== null : undefined;
  const sync = SyncScheduler.start(services.config.sync, { store: services.eventStore, commands: services.commands, identities, clock: services.clock, ...(mayRunSync && { mayRun: mayRunSync }) });
  shutdown.add(() => sync.stop());
  const mayAct = leases ? { mayAct: () => leases.held(workflowsLease) !== null } : {};
  const workflows = services.config.workflows.enabled ? createWorkflowEngine(services, services.config.workflows, mayAct) : null;
  await runReactorGroups(services.processors, reactorGroups({ metrics, worker, sync, workflows, apiKeys }), shutdown);
  metrics?.gauge('zixly_webhook_backlog', 'Webhook deliveries this process has yet to attempt (received, redriven or awaiting a retry).', () => worker.backlog);
}

function httpTimeoutsOf(config: AppConfig): HttpTimeouts {
  // A stop gives in-flight exchanges at most 10 s (and no longer than a stalled write is tolerated anyway).
  const writeTimeoutMs = config.ops.httpWriteTimeoutMs;
  return { requestTimeoutMs: config.ops.httpRequestTimeoutMs, writeTimeoutMs, shutdownGraceMs: Math.min(10_000, writeTimeoutMs) };
}
