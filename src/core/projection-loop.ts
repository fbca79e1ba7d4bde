import { collect, type EventStore } from './event-store.port';
import type { DamagedEvent } from './event-damage';
import { documentIdsOf, type FoldedBatch, foldBatch, type MalformedCheck, type Projection, type StoredState } from './projection';
import { sumWrites } from './projection-sums';
import type { DocumentWrite, ProjectionCheckpoint, ProjectionFailure, ReadStore } from './read-store.port';
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
  /** Called when the loop has applied more of the log (a commit landed, or it found itself caught up). */
  onProgress: () => void = () => undefined;
  /** Position of the newest event of a type this projection handles that the runner's subscription saw. */
  lastHandledSeen = -1n;
  /** Set when a rebuild replaced this loop; it then stops after its batch in flight. */
  retired = false;
  /** Token of the lease this loop writes under (see `claim`); undefined when it runs without one. */
  fence: number | undefined = undefined;
  /** Events with malformed data this loop went past (since the process started). */
  readonly skipped: DamagedEvent[] = [];
  /** Told each event with malformed data this loop goes past, once its batch committed. */
  onSkipped: (skipped: DamagedEvent) => void = () => undefined;
  private lastIdleSave = Number.NEGATIVE_INFINITY;
  private caughtUpOnce = false;
  /** Position of the last event folded: committed, or in the commit in flight. */
  private foldedTo: bigint | null = null;
  private inFlight: { readonly writes: ReadonlyMap<string, DocumentWrite>; readonly committed: Promise<void> } | null = null;

  constructor(
    readonly projection: Projection,
    readonly target: LoopTarget,
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly batchSize: number,
    private readonly clock: Clock,
    private readonly malformed: MalformedCheck = () => null,
  ) {}

  async load(): Promise<ProjectionCheckpoint | null> {
    const checkpoint = await this.readStore.checkpoint(this.target.checkpointKey);
    this.position = checkpoint?.position ?? null;
    this.foldedTo = this.position;
    this.failure = checkpoint?.failure ?? null;
    return checkpoint;
  }

  /**
   * Applies one batch; returns how many events it read (0 when caught up or failed). The batch's
   * commit is left in flight while the next batch is read and folded: a store that commits on
   * another thread or across the network then overlaps the two. At most one commit is in flight,
   * and `position` moves only once a commit has landed.
   */
  async step(): Promise<number> {
    if (this.failure || this.retired) return 0;
    const head = await this.eventStore.headPosition();
    const events = await collect(
      this.eventStore.readAll({ after: this.foldedTo ?? undefined, types: this.projection.handles, maxCount: this.batchSize }),
    );
    if (events.length === 0) {
      await this.settle();
      await this.recordIdleProgress(head);
      this.caughtUpTo = head;
      this.caughtUpOnce = true;
      this.onProgress();
      return 0;
    }
    const ids = documentIdsOf(this.projection, events);
    const loaded: Map<string, StoredState> = await this.readStore.getMany(this.target.collection, ids);
    // The store may not show the commit in flight yet: what that commit writes is newer.
    for (const id of ids) {
      const written = this.inFlight?.writes.get(id);
      if (written) loaded.set(id, written);
    }
    const folded = await this.withSums(foldBatch(this.projection, events, loaded, this.clock, this.malformed), loaded);
    await this.settle();
    const position = folded.position ?? this.foldedTo;
    const applied = folded.failure ? events.findIndex((event) => event.id === folded.failure!.eventId) : events.length;
    const committed = this.readStore.commit(this.target.collection, folded.writes, this.checkpoint(position, folded.failure)).then(() => {
      this.position = position;
      this.failure = folded.failure;
      this.eventsApplied += applied;
      for (const skipped of folded.skipped) {
        this.skipped.push(skipped);
        this.onSkipped(skipped);
      }
      this.onProgress();
    });
    committed.catch(() => undefined); // awaited by `settle`; this only keeps it from being reported unhandled meanwhile
    this.inFlight = { writes: new Map(folded.writes.map((write) => [write.id, write])), committed };
    this.foldedTo = position;
    if (folded.failure) await this.settle();
    return folded.failure ? 0 : events.length;
  }

  /** The batch's writes plus the sum documents they change (projections with `sums` only). */
  private async withSums(folded: FoldedBatch, before: ReadonlyMap<string, StoredState>): Promise<FoldedBatch> {
    const { sums } = this.projection;
    if (!sums || folded.position === null || folded.writes.length === 0) return folded;
    const load = async (ids: string[]) => {
      const stored: Map<string, StoredState> = await this.readStore.getMany(this.target.collection, ids);
      for (const id of ids) {
        const written = this.inFlight?.writes.get(id);
        if (written) stored.set(id, written);
      }
      return stored;
    };
    return { ...folded, writes: [...folded.writes, ...(await sumWrites(sums, folded.writes, before, folded.position, load))] };
  }

  /** Waits for the commit in flight; if it failed, the next step reads again from the last commit. */
  async settle(): Promise<void> {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    try {
      await inFlight.committed;
    } catch (error) {
      this.foldedTo = this.position;
      throw error;
    } finally {
      if (this.inFlight === inFlight) this.inFlight = null;
    }
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
    this.foldedTo = head;
    this.lastIdleSave = now;
  }

  /**
   * True once every event up to `position` that this projection handles is applied (or it failed).
   * `quietThrough` is how far the runner's subscription has seen the log: once this loop has
   * caught up once and applied every event it handles that the subscription saw, the events after
   * that up to `quietThrough` are none of its business.
   */
  hasReached(position: bigint, quietThrough: bigint | null = null): boolean {
    if (this.failure) return true;
    const reached = [this.position, this.caughtUpTo].reduce<bigint>((max, value) => (value !== null && value > max ? value : max), -1n);
    if (reached >= position) return true;
    return this.caughtUpOnce && quietThrough !== null && quietThrough >= position && reached >= this.lastHandledSeen;
  }

  /** Steps until a batch comes back empty (or the loop fails, or `shouldStop` says so). */
  async catchUp(shouldStop: () => boolean = () => false): Promise<void> {
    try {
      while (!shouldStop() && (await this.step()) > 0);
    } finally {
      await this.settle();
    }
  }

  /**
   * Starts writing under lease token `fence`: reloads the checkpoint (the previous holder moved it)
   * and saves it with the token, so the store refuses the previous holder's writes from now on.
   * Throws `FencedError` when a newer holder already claimed it.
   */
  async claim(fence: number): Promise<ProjectionCheckpoint | null> {
    this.fence = undefined;
    const checkpoint = await this.load();
    await this.readStore.saveCheckpoint({ ...this.checkpoint(this.position, this.failure), fence });
    this.fence = fence;
    return checkpoint;
  }

  /** For a process that does not run this projection: takes position and failure from the store. */
  async observe(): Promise<void> {
    const checkpoint = await this.readStore.checkpoint(this.target.checkpointKey);
    if (this.fence !== undefined) return;
    this.position = checkpoint?.position ?? null;
    this.foldedTo = this.position;
    this.failure = checkpoint?.failure ?? null;
  }

  /**
   * For a process that does not run this projection: whether the process that does has applied
   * every event it handles up to `position`, read from the store. Refreshes `position`.
   */
  async reachedInStore(position: bigint): Promise<boolean> {
    const checkpoint = await this.readStore.checkpoint(this.target.checkpointKey);
    const applied = checkpoint?.position ?? null;
    if (this.fence === undefined) this.position = applied;
    if (checkpoint?.failure || (applied !== null && applied >= position)) return true;
    const [next] = await collect(this.eventStore.readAll({ after: applied ?? undefined, types: this.projection.handles, maxCount: 1 }));
    return next === undefined || next.position > position;
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
      ...(this.fence !== undefined && { fence: this.fence }),
    };
  }
}
