import { FencedError, NotFoundError } from './errors';
import { lagAfter } from './processor';
import type { Projection } from './projection';
import { ProjectionLoop } from './projection-loop';
import { shadowName } from './projection-rebuild';
import { dropRebuildLeftovers } from './projection-rebuild-requests';
import { ProjectionLeases } from './projection-leases';
import { ProjectionPauses } from './projection-pauses';
import { ProjectionRebuilds } from './projection-rebuilds';
import type { ProjectionLag, ProjectionNotice, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner.types';
import type { IndexSpec, ProjectionCheckpoint } from './read-store.port';
import { ProjectionWakeups } from './projection-wakeups';
import { delay } from './signal';
import { type Clock, systemClock } from './time';

export { projectionLeaseName } from './projection-runner.types';
export type { ProjectionLag, ProjectionNotice, ProjectionPause, ProjectionRunnerOptions, ProjectionStatus } from './projection-runner.types';

/** Key in `running` of the loop taking up handed-over rebuilds. */
const requestsLoop = ' rebuild requests';

/**
 * One runner for all projections. Each projection follows the log in its own loop (a failing one
 * stops alone); a single subscription wakes the loops when events are appended.
 */
export class ProjectionRunner {
  private readonly loops = new Map<string, ProjectionLoop>();
  private readonly rebuilds: ProjectionRebuilds;
  private readonly running = new Map<string, Promise<void>>();
  private readonly pauses: ProjectionPauses;
  private readonly leases: ProjectionLeases;
  private readonly batchSize: number;
  private readonly clock: Clock;
  /** Wakes the loops on new events of the types they handle, and whoever waits for a position. */
  private readonly wakeups = new ProjectionWakeups();
  private stopped = true;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 2_000;
    this.clock = options.clock ?? systemClock;
    this.pauses = new ProjectionPauses(this.clock, (notice) => this.notify(notice));
    this.leases = new ProjectionLeases(options.leases ?? null, {
      dropLeftShadow: async (name) => {
        const shadow = shadowName(name).toLowerCase();
        if (!this.rebuilds.isRunning(name)) await this.dropInterruptedRebuilds((collection) => collection.toLowerCase() === shadow);
      },
      resumeFromCheckpoint: (loop, checkpoint) => this.resumeFromCheckpoint(loop, checkpoint),
    });
    this.rebuilds = new ProjectionRebuilds({
      options,
      batchSize: this.batchSize,
      clock: this.clock,
      stoppedSignal: this.wakeups.stopped,
      isStopped: () => this.stopped,
      loopNamed: (name) => this.loopNamed(name),
      swap: (name, swapIn, fence) => this.swap(name, swapIn, fence),
      holdsToken: (name, token) => this.leases.holdsToken(name, token),
      notify: (notice) => this.notify(notice),
    });
    for (const projection of options.projections) {
      this.loops.set(projection.name, this.loopFor(projection, projection.name, projection.name));
    }
  }

  /** Loads checkpoints, starts following the log, and rebuilds projections whose version changed. */
  async start(): Promise<void> {
    this.stopped = false;
    // Under leases a rebuild may be running in another process: its shadow is dropped only by a
    // process that claims the projection's lease (see `holdLease`).
    if (!this.options.leases) await this.dropInterruptedRebuilds(() => true);
    else this.running.set(requestsLoop, this.rebuilds.takeUpRequests());
    this.wakeups.follow(this.options.eventStore, () => this.loops.values()).catch((error: unknown) => this.notify({ kind: 'wakeups_failed', error }));
    for (const loop of this.loops.values()) {
      const checkpoint = await loop.load();
      // A first fill writes faster into an unindexed collection: its indexes come once it caught up.
      const deferredIndexes = checkpoint?.position == null ? (loop.projection.indexes ?? []) : [];
      if (deferredIndexes.length === 0) await this.options.readStore.ensureIndexes(loop.target.collection, loop.projection.indexes ?? []);
      // Under leases the holder does the rest once it claimed the projection (see `follow`).
      if (!this.options.leases) await this.resumeFromCheckpoint(loop, checkpoint);
      this.running.set(loop.projection.name, this.follow(loop, deferredIndexes));
    }
  }

  /** Retries a failure recorded by an earlier run (the code may have been fixed since) and rebuilds on a new version. */
  private async resumeFromCheckpoint(loop: ProjectionLoop, checkpoint: ProjectionCheckpoint | null): Promise<void> {
    if (loop.failure) await loop.clearFailure();
    if (checkpoint && checkpoint.version !== loop.projection.version) this.rebuild(loop.projection.name).catch(() => undefined);
  }

  /** A rebuild that a crash or a kill interrupted left its shadow behind: see `dropRebuildLeftovers`. */
  private async dropInterruptedRebuilds(which: (name: string) => boolean): Promise<void> {
    for (const collection of await dropRebuildLeftovers(this.options.readStore, which)) this.notify({ kind: 'rebuild_leftover_dropped', collection });
  }

  /** The event types projection `name` folds. */
  handlesOf(name: string): readonly string[] {
    return this.loopNamed(name).projection.handles;
  }

  /** Whether this process runs `name` (single process: always; under leases: while it holds the lease). */
  runsHere(name: string): boolean {
    return this.leases.runsHere(this.loopNamed(name));
  }

  /**
   * Hands the rebuild of `name` to the process that runs it (or the next one to take its lease),
   * for a process that does not (`runsHere` false): never two writers.
   */
  handOver(name: string): Promise<void> {
    return this.rebuilds.handOver(name);
  }

  /** Rebuilds into a fresh collection while the current one keeps serving, then swaps (see `ProjectionRebuilds`). */
  rebuild(name: string): Promise<void> {
    return this.rebuilds.rebuild(name);
  }

  /** Finishes the batches in flight, then stops; checkpoints are already saved with each batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.wakeups.close();
    await Promise.all([...this.running.values(), this.rebuilds.settled()]);
  }

  /** Clears a projection's recorded failure and retries the event it failed on. */
  async retry(name: string): Promise<void> {
    await this.loopNamed(name).clearFailure();
    this.wakeups.of(name).fire();
  }

  /** Resolves when every projection has applied the log up to `position` (read-your-writes). */
  async waitFor(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    const deadline = this.clock().getTime() + timeoutMs;
    while (this.clock().getTime() < deadline) {
      if (await this.reachedEverywhere(position)) return true;
      await Promise.race([this.wakeups.progress.next(), delay(10)]);
    }
    return false;
  }

  /** Whether projection `name` has applied every event it handles up to `position` (here, or in the process that runs it). */
  async reached(name: string, position: bigint): Promise<boolean> {
    const loop = this.loopNamed(name);
    return this.leases.runsHere(loop) ? loop.hasReached(position, this.wakeups.seenThrough) : loop.reachedInStore(position);
  }

  /** Loops running here answer from memory; the others from the checkpoints their holders write. */
  private async reachedEverywhere(position: bigint): Promise<boolean> {
    for (const loop of this.loops.values()) {
      if (this.leases.runsHere(loop) ? !loop.hasReached(position, this.wakeups.seenThrough) : !(await loop.reachedInStore(position))) return false;
    }
    return true;
  }

  /** Events and seconds between the store's head and each projection's checkpoint. */
  lag(): Promise<ProjectionLag[]> {
    return Promise.all([...this.loops.values()].map((loop) => lagAfter(this.options.eventStore, loop.projection.name, { types: loop.projection.handles }, loop.position, this.clock)));
  }

  status(): ProjectionStatus[] {
    return [...this.loops.values()].map((loop) => ({
      name: loop.projection.name,
      version: loop.projection.version,
      position: loop.position,
      state: loop.failure ? 'failed' : this.stopped ? 'stopped' : 'live',
      failure: loop.failure,
      rebuild: this.rebuilds.progress(loop.projection.name),
      rebuildError: this.rebuilds.error(loop.projection.name),
      paused: this.pauses.of(loop.projection.name),
      skipped: [...(this.options.eventStore.damage?.skippedBy(loop.projection.handles, loop.position) ?? []), ...loop.skipped],
    }));
  }

  private async follow(loop: ProjectionLoop, deferredIndexes: readonly IndexSpec[] = []): Promise<void> {
    const done = () => this.stopped || loop.retired;
    const wakeup = this.wakeups.of(loop.projection.name);
    let indexes = deferredIndexes;
    while (!done()) {
      const signal = wakeup.next();
      try {
        if (!(await this.leases.hold(loop))) {
          await loop.observe();
          await Promise.race([signal, this.leases.changed(), delay(this.options.idleWaitMs ?? 1_000)]);
          continue;
        }
        await loop.catchUp(() => done() || !this.leases.stillHeld(loop));
        if (indexes.length > 0) {
          await this.options.readStore.ensureIndexes(loop.target.collection, indexes);
          indexes = [];
        }
        this.pauses.resume(loop.projection.name);
      } catch (error) {
        if (error instanceof FencedError) {
          loop.fence = undefined; // a successor claimed it: this process stops writing
          continue;
        }
        // A store failure (a full disk, a file it cannot read) must not end the process: pause, retry.
        this.pauses.pause(loop.projection.name, error);
        await Promise.race([this.wakeups.stopped.next(), delay(this.options.pauseRetryMs ?? 2_000)]);
        continue;
      }
      if (done()) return;
      await Promise.race([signal, delay(this.options.idleWaitMs ?? 1_000)]);
    }
  }

  private notify(notice: ProjectionNotice): void {
    this.options.onNotice?.(notice);
  }

  /**
   * Under a lease (`fence`), the swap first claims the live checkpoint under the rebuild's token:
   * if a successor has taken the projection over meanwhile, that throws `FencedError` and the
   * live collection stays the successor's.
   */
  private async swap(name: string, swapIn: () => Promise<void>, fence: number | undefined): Promise<void> {
    const previous = this.loopNamed(name);
    previous.retired = true;
    this.wakeups.of(name).fire();
    await this.running.get(name);
    const replacement = this.loopFor(previous.projection, name, name);
    try {
      if (fence !== undefined) {
        if (!this.leases.holdsToken(name, fence)) throw new FencedError('projection.lease_lost', `Rebuild of ${name} not swapped in: this process lost the projection's lease`, { name });
        await previous.claim(fence);
      }
      await swapIn();
    } finally {
      // Whatever happened, the projection goes on being followed (and claimed again under leases).
      await replacement.load();
      if (fence !== undefined && this.leases.holdsToken(name, fence)) await replacement.claim(fence).catch(() => undefined);
      this.loops.set(name, replacement);
      this.running.set(name, this.follow(replacement));
    }
  }

  private loopFor(projection: Projection, checkpointKey: string, collection: string): ProjectionLoop {
    const loop = new ProjectionLoop(projection, { checkpointKey, collection }, this.options.eventStore, this.options.readStore, this.batchSize, this.clock, this.options.malformed);
    loop.onSkipped = (event) => this.notify({ kind: 'skipped', projection: checkpointKey, event });
    loop.onProgress = () => {
      if (!loop.retired) this.pauses.resume(projection.name);
      this.wakeups.progress.fire();
    };
    return loop;
  }

  private loopNamed(name: string): ProjectionLoop {
    const loop = this.loops.get(name);
    if (!loop) throw new NotFoundError('projection.unknown', `No projection named "${name}"`, { name, known: [...this.loops.keys()] });
    return loop;
  }
}
