import { hoursOnOtherProjects } from './projections/delivery/time.queries';
import { openSqliteReadStore } from './adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from './aggregates';
import { createCommandBus } from './aggregates/command-bus';
import { startApi } from './app-api';
import type { AppServices } from './app-services';
import { logProjectionNotice, watchForDamage } from './app-recovery';
import { Shutdown } from './app-shutdown';
import { openEventStore, openReadStore } from './app-stores';
import type { AppConfig } from './config';
import type { RecordedEvent } from './core/messages';
import { ProjectionRunner } from './core/projection-runner';
import { eventDataProblem } from './events/event-validation';
import { systemClock } from './core/time';
import { healthRoutes } from './http/health.routes';
import { type ExchangeObserver, type HttpTimeouts, type Route, startHttpServer } from './http/http-server';
import { logExchange } from './http/request-log';
import { identityLookupLoader } from './ingest/identity/identity-lookup';
import { clientIdentitiesCollection } from './ingest/identity/client-identities.projection';
import { withPaymentAllocations } from './ingest/identity/payment-allocations.projection';
import { SyncScheduler } from './ingest/sync/sync-scheduler';
import { forwardXeroNotifications } from './ingest/sync/xero-notifications';
import { paymentsNamedBy, translators } from './ingest/translators';
import { startIngestWorker } from './ingest/worker/start-ingest-worker';
import { startWorkflows } from './workflows/start-workflows';
import type { LeaseKeeper } from './core/lease-keeper';
import { runWhileLeased } from './core/leased-processor';
import { startProcessorLeases, syncLeaseName, webhookWorkerLease, workflowsLease } from './fleet/processor-leases';
import { logger } from './logging/logger';
import type { WebhookWorker } from './ingest/worker/webhook-worker';
import { configureLogger } from './logging/logger';
import { AppMetrics } from './metrics/app-metrics';
import { withCommandMetrics } from './metrics/command-bus.metrics';
import { metricsRoute } from './metrics/metrics.routes';
import { countRecordedOutcomes } from './metrics/outcome-events.metrics';
import { trackProjections } from './metrics/projection-lag.metrics';
import { allProjections } from './projections';
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
    const core = await startCore(config, options, shutdown);
    const api = await startApi(core.services, options, shutdown);
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
    const core = await startCore(config, options, shutdown);
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
}

/** Picks the adapters from configuration, builds the services and starts what follows the log. */
async function startCore(config: AppConfig, options: StartOptions, shutdown: Shutdown): Promise<Core> {
  configureLogger({ level: config.ops.logLevel });
  const { store, adapter } = await openEventStore(config);
  shutdown.add(() => store.close());
  const { readStore, reset } = await openReadStore(config, { repair: true });
  shutdown.add(() => readStore.close());
  const metrics = config.ops.metricsEnabled ? new AppMetrics() : null;
  const leases = await startProcessorLeases(config, shutdown);
  const malformed = (event: RecordedEvent) => eventDataProblem(event.type, event.data);
  const runner = new ProjectionRunner({ eventStore: store, readStore, projections: allProjections, clock: systemClock, malformed, onNotice: logProjectionNotice, leases });
  const lookups = { hoursOnOtherProjects: (consultantId: string, workDate: string, exceptProjectId: string) => hoursOnOtherProjects(readStore, consultantId, workDate, exceptProjectId) };
  const commands = createCommandBus<BusinessCommand>(store, commandRoutes, { factWindow: config.factWindow, clock: systemClock, lookups });
  const composed: AppServices = {
    config,
    clock: systemClock,
    eventStore: store,
    readStore,
    commands: metrics ? withCommandMetrics(commands, metrics) : commands,
    projections: runner,
    kpi: { reads: readStore, timeZone: config.businessTimeZone, baseCurrency: config.baseCurrency },
    openScratchReadStore: () => openSqliteReadStore({ path: ':memory:' }),
  };
  const services = options.decorate ? options.decorate(composed) : composed;
  await runner.start();
  shutdown.add(() => runner.stop());
  const logChecked = watchForDamage(store, adapter, runner, reset, shutdown);
  if (metrics) {
    trackProjections(metrics, services.projections);
    const outcomes = countRecordedOutcomes(store, metrics);
    shutdown.add(() => outcomes.stop());
  }
  await startBackgroundWork(services, shutdown, metrics, leases);
  const health = healthRoutes({ store, adapter, readStore, projections: services.projections, lagThreshold: config.ops.projectionLagThreshold });
  return {
    services,
    routes: metrics ? [...health, metricsRoute(metrics)] : health,
    observers: metrics ? [logExchange, metrics.observeExchange] : [logExchange],
    logChecked,
  };
}

/**
 * Work that follows the log and runs commands; stopped before the projections and the stores.
 * Under leases each part runs only while this process holds its lease (see `runWhileLeased`).
 */
async function startBackgroundWork(services: AppServices, shutdown: Shutdown, metrics: AppMetrics | null, leases: LeaseKeeper | null): Promise<void> {
  const identities = identityLookupLoader(services.readStore);
  const onError = (error: unknown) => logger.error({ err: error }, 'a leased processor failed to start or stop');
  const allocationsCaughtUp = async () => {
    const head = await services.eventStore.headPosition();
    return head === null || services.projections.waitFor(head, 5_000);
  };
  // A delivery received after its contact was linked is never parked for a read model still behind.
  const identitiesReached = (position: bigint) => services.projections.reached(clientIdentitiesCollection, position);
  const workerIdentities = withPaymentAllocations(identities, services.readStore, paymentsNamedBy, allocationsCaughtUp);
  let worker: WebhookWorker | null = null;
  const webhooks = runWhileLeased(leases, webhookWorkerLease, async () => (worker = await startIngestWorker(services, { translators, identities: workerIdentities, identitiesReached })), onError);
  shutdown.add(() => webhooks.stop());
  const mayRunSync = leases ? (tool: string) => leases.held(syncLeaseName(tool)) !== null : undefined;
  const sync = SyncScheduler.start(services.config.sync, { store: services.eventStore, commands: services.commands, identities, clock: services.clock, ...(mayRunSync && { mayRun: mayRunSync }) });
  shutdown.add(() => sync.stop());
  const xeroNotifications = forwardXeroNotifications(services.eventStore, sync);
  shutdown.add(() => xeroNotifications.stop());
  const mayAct = leases ? { mayAct: () => leases.held(workflowsLease) !== null } : {};
  const workflows = runWhileLeased(leases, workflowsLease, () => startWorkflows(services, services.config.workflows, mayAct), onError);
  shutdown.add(() => workflows.stop());
  metrics?.gauge('zixly_webhook_backlog', 'Webhook deliveries this process has yet to attempt (received, redriven or awaiting a retry).', () => worker?.backlog ?? 0);
}

function httpTimeoutsOf(config: AppConfig): HttpTimeouts {
  // A stop gives in-flight exchanges at most 10 s (and no longer than a stalled write is tolerated anyway).
  const writeTimeoutMs = config.ops.httpWriteTimeoutMs;
  return { requestTimeoutMs: config.ops.httpRequestTimeoutMs, writeTimeoutMs, shutdownGraceMs: Math.min(10_000, writeTimeoutMs) };
}
