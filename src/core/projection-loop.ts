import { collect, type EventStore } from './event-store.port';
import { documentIdsOf, foldBatch, type Projection } from './projection';
import type { ProjectionCheckpoint, ProjectionFailure, ReadStore } from './read-store.port';
import type { Clock } from './time';

const idleSaveIntervalMs = 1_000;

export interface LoopTarget {
  /** Key of the checkpoint (the projection's name, or a rebuild's shadow name). */
  readonly checkpointKey: string;
  readonly collection: string;
}

/**
 * Folds one projection's events into one collection, batch by batch, from its checkpoint.
 * Each batch: read the events, load the documents they touch in one query, fold in memory,
 * write documents and checkpoint together. A failing event stops this loop alone.
 */
export class ProjectionLoop {
  position: bigint | null = null;
  failure: ProjectionFailure | null = null;
  /** Head position seen by the last read that found nothing left to apply: everything up to it is applied. */
  caughtUpTo: bigint | null = null;
  eventsApplied = 0;
  /** Set when a rebuild replaced this loop; it then stops after its batch in flight. */
  retired = false;
  private lastIdleSave = Number.NEGATIVE_INFINITY;

  constructor(
    readonly projection: Projection,
    readonly target: LoopTarget,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly batchSize: number,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<ProjectionCheckpoint | null> {
    const checkpoint = await this.readStore.checkpoint(this.target.checkpointKey);
    this.position = checkpoint?.position ?? null;
    this.failure = checkpoint?.failure ?? null;
    return checkpoint;
  }

  /** Applies one batch; returns how many events it read (0 when caught up or failed). */
  async step(): Promise<number> {
    if (this.failure || this.retired) return 0;
    const head = await this.eventStore.headPosition();
    const events = await collect(
      this.eventStore.readAll({ after: this.position ?? undefined, types: this.projection.handles, maxCount: this.batchSize }),
    );
    if (events.length === 0) {
      await this.recordIdleProgress(head);
      this.caughtUpTo = head;
      return 0;
    }
    const loaded = await this.readStore.getMany(this.target.collection, documentIdsOf(this.projection, events));
    const folded = foldBatch(this.projection, events, loaded, this.clock);
    const position = folded.position ?? this.position;
    await this.readStore.commit(this.target.collection, folded.writes, this.checkpoint(position, folded.failure));
    this.position = position;
    this.failure = folded.failure;
    const applied = folded.failure ? events.findIndex((event) => event.id === folded.failure!.eventId) : events.length;
    this.eventsApplied += applied;
    return folded.failure ? 0 : events.length;
  }

  /**
   * Nothing this projection handles lies between its checkpoint and `head`, so the checkpoint may
   * move to `head`: KPIs then report the position they really reflect, not the last event they
   * happened to handle. Throttled, because every append anywhere wakes every loop.
   */
  private async recordIdleProgress(head: bigint | null): Promise<void> {
    const now = this.clock().getTime();
    if (head === null || (this.position !== null && head <= this.position) || now - this.lastIdleSave < idleSaveIntervalMs) return;
    await this.readStore.saveCheckpoint(this.checkpoint(head, null));
    this.position = head;
    this.lastIdleSave = now;
  }

  /** True once every event up to `position` that this projection handles is applied (or it failed). */
  hasReached(position: bigint): boolean {
    if (this.failure) return true;
    const reached = [this.position, this.caughtUpTo].reduce<bigint>((max, value) => (value !== null && value > max ? value : max), -1n);
    return reached >= position;
  }

  /** Steps until a batch comes back empty (or the loop fails, or `shouldStop` says so). */
  async catchUp(shouldStop: () => boolean = () => false): Promise<void> {
    while (!shouldStop() && (await this.step()) > 0);
  }

  /** Clears a recorded failure so the next step retries the event that failed. */
  async clearFailure(): Promise<void> {
    this.failure = null;
    await this.readStore.saveCheckpoint(this.checkpoint(this.position, null));
  }

  checkpoint(position: bigint | null, failure: ProjectionFailure | null): ProjectionCheckpoint {
    return {
      projection: this.target.checkpointKey,
      version: this.projection.version,
      collection: this.target.collection,
      position,
      failure,
      updatedAt: this.clock().toISOString(),
    };
  }
}
