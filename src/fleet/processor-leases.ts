import { hostname } from 'node:os';
import type { Shutdown } from '../app-shutdown';
import { openLeaseStore } from '../app-stores';
import type { AppConfig } from '../config';
import { randomId } from '../core/ids';
import { LeaseKeeper } from '../core/lease-keeper';
import { projectionLeaseName } from '../core/projection-runner';
import { syncTools } from '../ingest/sync';
import { logger } from '../logging/logger';
import { allProjections } from '../projections';
import { mayRun } from './fleet.config';

export const webhookWorkerLease = 'webhook-worker';
export const workflowsLease = 'workflows';
export const syncLeaseName = (tool: string) => `sync:${tool}`;

/** Every processor of the product: each projection, the webhook worker, the workflows, each sync job. */
export function processorNames(): string[] {
  return [...allProjections.map((projection) => projectionLeaseName(projection.name)), webhookWorkerLease, workflowsLease, ...syncTools.map(syncLeaseName)];
}

/**
 * In the single-process mode (`PROCESSORS` unset): null, every processor runs here unfenced.
 * Otherwise a started keeper trying to hold the leases of the processors this process may run;
 * on shutdown it releases them after the processors stopped, so successors take over at once.
 */
export async function startProcessorLeases(config: AppConfig, shutdown: Shutdown): Promise<LeaseKeeper | null> {
  if (config.fleet.processors === null) return null;
  const store = await openLeaseStore(config);
  shutdown.add(() => store.close());
  const names = processorNames().filter((name) => mayRun(config.fleet, name));
  const holder = `${hostname()}:${process.pid}:${randomId().slice(-8)}`;
  const keeper = new LeaseKeeper({ store, holder, names, ttlMs: config.fleet.leaseTtlMs, onError: (error) => logger.warn({ err: error }, 'lease store failed: leases are kept until a third of their TTL before expiry') });
  await keeper.start();
  shutdown.add(() => keeper.stop());
  logger.info({ holder, processors: names.length, holding: keeper.holding().map((grant) => grant.name) }, `fleet: ${names.length} processors may run here under leases of ${config.fleet.leaseTtlMs} ms`);
  return keeper;
}
