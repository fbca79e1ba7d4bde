import type { Shutdown } from './app-shutdown';
import { describeDamage } from './core/event-damage';
import type { EventStore } from './core/event-store.port';
import type { ProjectionRunner } from './core/projection-runner';
import { logger } from './logging/logger';

const refillReportMs = 2_000;

/**
 * What a starting app does about damage: walks the whole embedded log in the background (a page per turn
 * of the event loop) so that a damaged event is named at start, in the log and in `/readyz`; and,
 * when the read models were set aside as damaged, reports the refill's progress until every
 * projection has caught up with the log. Resolves once the walk is over (at once when there is
 * none); it never rejects.
 */
export function watchForDamage(store: EventStore, adapter: string, runner: ProjectionRunner, readModelsReset: string | null, shutdown: Shutdown): Promise<void> {
  let stopped = false;
  shutdown.add(() => void (stopped = true));
  // The embedded file only: walking EventStoreDB's $all at every start would read the cluster over the network.
  let walked: Promise<void> = Promise.resolve();
  if (store.checkIntegrity && adapter.startsWith('sqlite:')) {
    const startedAt = Date.now();
    walked = store
      .checkIntegrity()
      .then((report) => {
        const fields = { component: 'event-store', checked: report.checked, withoutChecksum: report.withoutChecksum, damaged: report.damaged.length, seconds: (Date.now() - startedAt) / 1000 };
        if (report.damaged.length === 0) logger.info(fields, `event log checked: ${report.checked} events, none damaged`);
        else logger.error(fields, `event log checked: ${report.damaged.length} damaged of ${report.checked} events: ${report.damaged.map(describeDamage).join('; ')}`);
      })
      .catch((error: unknown) => {
        if (!stopped) logger.error({ component: 'event-store', err: error }, 'the event log could not be checked');
      });
  }
  if (readModelsReset !== null) void reportRefill(store, runner, () => stopped);
  return walked;
}

/** Logs, every 2 s, how far the projections have refilled the read models, until all caught up. */
async function reportRefill(store: EventStore, runner: ProjectionRunner, isStopped: () => boolean): Promise<void> {
  const startedAt = Date.now();
  while (!isStopped()) {
    const head = (await store.headPosition().catch(() => null)) ?? 0n;
    const caughtUp = await runner.waitFor(head, refillReportMs);
    const statuses = runner.status();
    const lowest = statuses.reduce((min, status) => Math.min(min, head === 0n ? 1 : Number(status.position ?? 0n) / Number(head)), 1);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    if (caughtUp) {
      logger.info({ component: 'projections', seconds }, `read models rebuilt from the log (${head} events) in ${seconds} s`);
      return;
    }
    const behind = statuses.filter((status) => (status.position ?? 0n) < head).length;
    logger.info({ component: 'projections', fraction: lowest, behind }, `rebuilding read models from the log: ${behind} of ${statuses.length} projections still filling, slowest at ${(lowest * 100).toFixed(1)}%`);
  }
}
