import { UpstreamError } from './errors';
import type { EventStore } from './event-store.port';
import type { MalformedCheck, Projection } from './projection';
import { ProjectionLoop } from './projection-loop';
import type { ReadStore } from './read-store.port';
import type { Clock } from './time';

export interface RebuildProgress {
  readonly projection: string;
  readonly eventsDone: number;
  readonly eventsPerSecond: number;
  /** Share of the log (by position) already folded, 0…1. */
  readonly fraction: number;
  readonly etaSeconds: number | null;
  readonly done: boolean;
}

export interface RebuildOptions {
  readonly projection: Projection;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly batchSize: number;
  readonly clock: Clock;
  readonly isStopped: () => boolean;
  readonly onProgress: (progress: RebuildProgress) => void;
  /** Pauses the live loop, runs `swapIn`, and restarts the live loop on the swapped collection. */
  readonly swap: (swapIn: () => Promise<void>) => Promise<void>;
  /** Events a projection cannot apply because their data is malformed are gone past, named (see `foldBatch`). */
  readonly malformed?: MalformedCheck;
  /** Under a lease: its token, carried by every write of the rebuild (shadow and swapped-in checkpoint). */
  readonly fence?: number;
}

export const shadowName = (projection: string) => `${projection}__rebuild`;

/**
 * Replays the whole log into a shadow collection while the live one keeps serving; when the
 * shadow has caught up, the live loop pauses, the shadow takes the final events and replaces it.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<void> {
  const { projection, readStore, clock } = options;
  const shadow = shadowName(projection.name);
  await readStore.dropCollection(shadow);
  await readStore.deleteCheckpoint(shadow);
  const loop = new ProjectionLoop(projection, { checkpointKey: shadow, collection: shadow }, options.eventStore, readStore, options.batchSize, clock, options.malformed);
  loop.fence = options.fence;
  const startedAt = clock().getTime();
  const report = async (done: boolean) => options.onProgress(progressOf(loop, await options.eventStore.headPosition(), startedAt, clock, done));

  while (!options.isStopped() && (await loop.step()) > 0) await report(false);
  await loop.settle();
  if (loop.failure) {
    throw new UpstreamError('projection.rebuild_failed', `Rebuild of ${projection.name} failed at event ${loop.failure.eventId}: ${loop.failure.error}`, { ...loop.failure });
  }
  if (options.isStopped()) return;
  // Indexed only now: filling an unindexed collection is much faster, and nobody reads the shadow.
  await readStore.ensureIndexes(shadow, projection.indexes ?? []);

  await options.swap(async () => {
    await loop.catchUp();
    await readStore.renameCollection(shadow, projection.name);
    await readStore.saveCheckpoint({ ...loop.checkpoint(loop.position, loop.failure), projection: projection.name, collection: projection.name });
    await readStore.deleteCheckpoint(shadow);
  });
  await report(true);
}

function progressOf(loop: ProjectionLoop, head: bigint | null, startedAt: number, clock: Clock, done: boolean): RebuildProgress {
  const seconds = Math.max((clock().getTime() - startedAt) / 1000, 0.001);
  const reached = loop.caughtUpTo ?? loop.position ?? 0n;
  const fraction = done || head === null || head === 0n ? 1 : Math.min(Number(reached) / Number(head), 1);
  return {
    projection: loop.projection.name,
    eventsDone: loop.eventsApplied,
    eventsPerSecond: Math.round(loop.eventsApplied / seconds),
    fraction,
    etaSeconds: fraction >= 1 ? 0 : fraction === 0 ? null : Math.round((seconds * (1 - fraction)) / fraction),
    done,
  };
}
