import type { EventStore } from '../../core/event-store.port';
import type { ProjectionCheckpoint, ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';

/** Stored in the read store's checkpoints, beside (but apart from) the projections'. */
export const checkpointKey = (name: string): string => `workflow:${name}`;

const collectionOf = (name: string) => `wf_${name.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 64);

/** The checkpoint row of a workflow (or watcher) at `position`. */
export function workflowCheckpoint(name: string, position: bigint | null, updatedAt: Date): ProjectionCheckpoint {
  return { projection: checkpointKey(name), version: 1, collection: collectionOf(name), position, failure: null, updatedAt: updatedAt.toISOString() };
}

/**
 * Each workflow follows the log from its own checkpoint. A workflow seen for the first time does
 * not start at the beginning of the log — that would act again on every client and ticket ever
 * recorded — but at `startFrom`: the head when it first starts (`now`) or the last event recorded
 * before a configured instant. Its reactor saves that position at once, so a restart keeps it.
 * Schedules keep their last run here too (see `Scheduler`).
 */
export class WorkflowCheckpoints {
  constructor(
    private readonly reads: ReadStore,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly startFrom: 'now' | string,
  ) {}

  checkpoint(name: string, position: bigint | null): ProjectionCheckpoint {
    return workflowCheckpoint(name, position, this.clock());
  }

  /** Where a workflow seen for the first time starts (its reactor saves it at once). */
  async startPosition(): Promise<bigint | null> {
    if (this.startFrom === 'now') return this.store.headPosition();
    let last: bigint | null = null;
    for await (const event of this.store.readAll()) {
      if (event.metadata.recordedAt >= this.startFrom) break;
      last = event.position;
    }
    return last;
  }
}
