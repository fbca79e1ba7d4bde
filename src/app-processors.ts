import { commandRoutes, type BusinessCommand } from './aggregates';
import { createCommandBus } from './aggregates/command-bus';
import type { AppServices } from './app-services';
import type { Shutdown } from './app-shutdown';
import type { AppConfig } from './config';
import type { EventStore } from './core/event-store.port';
import type { LeaseKeeper } from './core/lease-keeper';
import { Processors, type ReactorGroup } from './core/processors';
import type { MalformedCheck } from './core/projection';
import { ProjectionRunner } from './core/projection-runner';
import type { Reactor } from './core/reactor';
import type { ReadStore } from './core/read-store.port';
import { systemClock } from './core/time';
import { identityLookupLoader } from './ingest/identity/identity-lookup';
import { translators } from './ingest/translators';
import { createIngestWorker } from './ingest/worker/start-ingest-worker';
import { webhookWorkerLease, workflowsLease } from './fleet/processor-leases';
import type { SyncScheduler } from './ingest/sync/sync-scheduler';
import { xeroNotificationsReactor } from './ingest/sync/xero-notifications';
import type { WebhookWorker } from './ingest/worker/webhook-worker';
import { logger } from './logging/logger';
import { logProjectionNotice, logReactorNotice } from './logging/processor-notices';
import { AppMetrics } from './metrics/app-metrics';
import { outcomeMetricsReactor } from './metrics/outcome-events.metrics';
import { keptProjections } from './projections';
import { ApiKeys } from './schema/auth/api-keys.service';
import type { WorkflowEngine } from './workflows/engine/workflow-engine';
import { createWorkflowEngine } from './workflows/start-workflows';

/** What the reactors act on, built by the composition root; absent parts have no reactor in this process. */
export interface ReactorParts {
  readonly metrics: AppMetrics | null;
  readonly worker: WebhookWorker;
  readonly sync: Pick<SyncScheduler, 'notifyXero'>;
  /** Null when WORKFLOWS_ENABLED is false. */
  readonly workflows: WorkflowEngine | null;
  /** Null in `zixly worker`, which authenticates nobody. */
  readonly apiKeys: ApiKeys | null;
}

/**
 * Every reactor of the product, in one list, with the lease it runs under when several processes
 * share the stores (README "Scaling out"). The projections are the other processors: see
 * `keptProjections`. Order matters: groups start in this order and stop in reverse.
 */
export function reactorGroups(parts: ReactorParts): ReactorGroup[] {
  const { workflows } = parts;
  return [
    // Read by every request: held in memory, in every serving process.
    ...(parts.apiKeys ? [{ lease: null, reactors: [parts.apiKeys.reactor] }] : []),
    // Each process counts every outcome: aggregate with max, not sum.
    ...(parts.metrics ? [{ lease: null, reactors: [outcomeMetricsReactor(parts.metrics)] }] : []),
    { lease: webhookWorkerLease, reactors: [parts.worker.reactor] },
    // Hands invoices to this process's Xero job, which runs only under its own sync lease.
    { lease: null, reactors: [xeroNotificationsReactor(parts.sync)] },
    ...(workflows ? [{ lease: workflowsLease, reactors: workflows.reactors, start: workflows.run.bind(workflows) }] : []),
  ];
}

/**
 * The processors of this process: the projections it keeps (`keptProjections`, run by one runner),
 * and the reactor groups `runReactorGroups` adds (`reactorGroups`).
 */
export function createProcessors(services: Pick<AppServices, 'config' | 'eventStore' | 'readStore' | 'clock'>, leases: LeaseKeeper | null, malformed: MalformedCheck): Processors {
  const projections = keptProjections(services.config.workflows);
  const runner = new ProjectionRunner({ eventStore: services.eventStore, readStore: services.readStore, projections, clock: services.clock, malformed, onNotice: logProjectionNotice, leases });
  return new Processors({
    eventStore: services.eventStore,
    readStore: services.readStore,
    clock: services.clock,
    projections: runner,
    leases,
    onNotice: logReactorNotice,
    onLeaseError: (error) => logger.error({ component: 'processors', err: error }, 'a leased processor failed to start or stop'),
  });
}

/** Starts every group; they are stopped before the projections and the stores. */
export async function runReactorGroups(processors: Processors, groups: readonly ReactorGroup[], shutdown: Shutdown): Promise<void> {
  shutdown.add(() => processors.stop());
  for (const group of groups) await processors.run(group);
}

/**
 * Every reactor `zixly serve` runs with this configuration, built as the composition root builds
 * them but not started: for `zixly processors list`, which reads their checkpoints from the stores.
 */
export function describeReactors(config: AppConfig, eventStore: EventStore, readStore: ReadStore): Reactor[] {
  const commands = createCommandBus<BusinessCommand>(eventStore, commandRoutes);
  const services = { config, clock: systemClock, eventStore, readStore, commands, kpi: { reads: readStore, timeZone: config.businessTimeZone, baseCurrency: config.baseCurrency } };
  const worker = createIngestWorker(services, { translators, identities: identityLookupLoader(readStore) });
  const workflows = config.workflows.enabled ? createWorkflowEngine(services, config.workflows) : null;
  const metrics = config.ops.metricsEnabled ? new AppMetrics() : null;
  const parts = { metrics, worker, sync: { notifyXero: () => undefined }, workflows, apiKeys: new ApiKeys(eventStore, systemClock) };
  return reactorGroups(parts).flatMap((group) => group.reactors);
}
