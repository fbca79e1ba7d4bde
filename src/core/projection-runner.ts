import { collect, type EventStore, type Subscription } from './event-store.port';
import type { MalformedCheck, Projection } from './projection';
import { ProjectionLoop } from './projection-loop';
import { rebuildProjection, type RebuildProgress, shadowName } from './projection-rebuild';
import { dropRebuildLeftovers, rebuildRequestKey, requestedRebuilds, requestRebuild } from './projection-rebuild-requests';
import type { IndexSpec, ProjectionCheckpoint, ProjectionFailure, ReadStore } from './read-store.port';
import { type Clock, systemClock } from './time';
import { FencedError, isAppError, NotFoundError } from './errors';
import type { DamagedEvent } from './event-damage';
import type { ProcessorLeases } from './lease-keeper';

/** A timer that never keeps the process alive on its own. */
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface ProjectionRunnerOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly projections: readonly Projection[];
  readonly batchSize?: number;
  /** Safety net when no append notification arrives (another process wrote). */
  readonly idleWaitMs?: number;
  readonly clock?: Clock;
  readonly onRebuildProgress?: (progress: RebuildProgress) => void;
  /**
   * Several processes: a projection runs here only while this process holds the lease
   * `projection:<name>`, and its writes carry the lease's fencing token. The others follow its
   * checkpoint (status, `waitFor`). Absent: every projection runs here, unfenced.
   */
  readonly leases?: ProcessorLeases | null;
  /** How long a projection paused by a store failure (a full disk) waits before it tries again (ms, default 2,000). */
  readonly pauseRetryMs?: number;
  /** Why an event's data is malformed; a projection that throws on such an event goes past it, named, instead of failing. */
  readonly malformed?: MalformedCheck;
  /** Told what an operator should know (the composition root logs it): pauses, resumptions, events gone past, leftovers dropped. */
  readonly onNotice?: (notice: ProjectionNotice) => void;
}

export type ProjectionNotice =
  | { readonly kind: 'paused'; readonly projection: string; readonly code: string; readonly reason: string; readonly error: unknown }
  | { readonly kind: 'resumed'; readonly projection: string; readonly after: string }
  | { readonly kind: 'skipped'; readonly projection: string; readonly event: DamagedEvent }
  | { readonly kind: 'rebuild_leftover_dropped'; readonly collection: string }
  | { readonly kind: 'wakeups_failed'; readonly error: unknown }
  /** A rebuild handed over by another process ended here: `error` null when it was swapped in. */
  | { readonly kind: 'handed_over_rebuild_ended'; readonly projection: string; readonly error: string | null };

/** Why a projection stopped applying events for now; it retries by itself and resumes. */
export interface ProjectionPause {
  /** The store's error code, e.g. `read_store.disk_full`. */
  readonly code: string;
  readonly reason: string;
  readonly since: string;
}

/** Key in `running` of the loop taking up handed-over rebuilds. */
const requestsLoop = ' rebuild requests';

/** The lease under which a projection runs when several processes share the stores. */
export const projectionLeaseName = (name: string) => `projection:${name}`;

/** Counting stops here: a health check must stay cheap however far behind a projection is. */
const lagCountLimit = 10_000;

export interface ProjectionLag {
  readonly name: string;
  readonly eventsBehind: number;
  /** True when the projection is at least `eventsBehind` events behind (counting stopped). */
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: bigint | null;
  readonly state: 'live' | 'failed' | 'stopped';
  readonly failure: ProjectionFailure | null;
  readonly rebuild: RebuildProgress | null;
  /** Why the last rebuild failed (the previous version kept serving). */
  readonly rebuildError: string | null;
  /** Set while a store failure (a full disk, an unreadable file) keeps it from applying events. */
  readonly paused: ProjectionPause | null;
  /** Damaged events of a type it handles that it went past (see the event store's damage log). */
  readonly skipped: readonly DamagedEvent[];
}

/**
 * One runner for all projections. Each projection follows the log in its own loop (a failing one
 * stops alone); a single subscription wakes the loops when events are appended.
 */
export class ProjectionRunner {
  private readonly loops = new Map<string, ProjectionLoop>();
  private readonly rebuilds = new Map<string, { progress: RebuildProgress | null; done: Promise<void> }>();
  private readonly rebuildErrors = new Map<string, string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly pauses = new Map<string, ProjectionPause>();
  private readonly batchSize: number;
  private readonly clock: Clock;
  /** Woken by new events of the types they handle; `progress` wakes whoever waits for a position. */
  private readonly wakeups = new Map<string, Signal>();
  private readonly progress = new Signal();
  private readonly stoppedSignal = new Signal();
  /** Position of the newest event the subscription delivered. */
  private seenThrough: bigint | null = null;
  private subscription: Subscription | null = null;
  private stopped = true;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 2_000;
    this.clock = options.clock ?? systemClock;
    for (const projection of options.projections) {
      this.loops.set(projection.name, this.loopFor(projection, projection.name, projection.name));
      this.wakeups.set(projection.name, new Signal());
    }
  }

  /** Loads checkpoints, starts following the log, and rebuilds projections whose version changed. */
  async start(): Promise<void> {
    this.stopped = false;
    // Under leases a rebuild may be running in another process: its shadow is dropped only by a
    // process that claims the projection's lease (see `holdLease`).
    if (!this.options.leases) await this.dropInterruptedRebuilds(() => true);
    else this.running.set(requestsLoop, this.takeUpRequests());
    this.subscription = this.options.eventStore.subscribe({ after: 'end' });
    this.forwardWakeups(this.subscription).catch((error: unknown) => this.notify({ kind: 'wakeups_failed', error }));
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

  /** Under leases: starts the rebuilds handed over to this process (see `requestRebuild`), once a second. */
  private async takeUpRequests(): Promise<void> {
    while (!this.stopped) {
      try {
        for (const name of await requestedRebuilds(this.options.readStore)) {
          const loop = this.loops.get(name);
          if (!loop || loop.fence === undefined || this.rebuilds.has(name)) continue;
          // The request stays until the rebuild ends here: if this process dies first, the next holder takes it up.
          const ended = (error: string | null) => {
            this.notify({ kind: 'handed_over_rebuild_ended', projection: name, error });
            return this.options.readStore.deleteCheckpoint(rebuildRequestKey(name));
          };
          void this.rebuild(name)
            .then(() => ended(null), (error: unknown) => (error instanceof FencedError ? undefined : ended(error instanceof Error ? error.message : String(error))))
            .catch(() => undefined);
        }
      } catch (error) {
        this.notify({ kind: 'paused', projection: 'rebuild requests', code: isAppError(error) ? error.code : 'projection.store_failed', reason: String(error), error });
      }
      await Promise.race([this.stoppedSignal.next(), delay(this.options.idleWaitMs ?? 1_000)]);
    }
  }

  /** The event types projection `name` folds. */
  handlesOf(name: string): readonly string[] {
    return this.loopNamed(name).projection.handles;
  }

  /** Whether this process runs `name` (single process: always; under leases: while it holds the lease). */
  runsHere(name: string): boolean {
    return !this.options.leases || this.loopNamed(name).fence !== undefined;
  }

  /**
   * Hands the rebuild of `name` to the process that runs it (or the next one to take its lease),
   * for a process that does not (`runsHere` false): never two writers.
   */
  async handOver(name: string): Promise<void> {
    this.loopNamed(name);
    await requestRebuild(this.options.readStore, name, this.clock());
  }

  /** Finishes the batches in flight, then stops; checkpoints are already saved with each batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
    await this.subscription?.close();
    await Promise.all([...this.running.values(), ...[...this.rebuilds.values()].map((rebuild) => rebuild.done.catch(() => undefined))]);
  }

  /** Rebuilds into a fresh collection while the current one keeps serving, then swaps. */
  rebuild(name: string): Promise<void> {
    const loop = this.loopNamed(name);
    if (this.options.leases && loop.fence === undefined) {
      const error = new FencedError('projection.runs_elsewhere', `Projection ${name} runs in another process: rebuild it there (see \`zixly leases\`)`, { name });
      return Promise.reject(error);
    }
    const existing = this.rebuilds.get(name);
    if (existing) return existing.done;
    // Under leases the rebuild writes under the token held now, and stops once this process lost it.
    const fence = loop.fence;
    const lost = () => fence !== undefined && !this.holdsToken(name, fence);
    const entry: { progress: RebuildProgress | null; done: Promise<void> } = { progress: null, done: Promise.resolve() };
    entry.done = rebuildProjection({
      projection: loop.projection,
      eventStore: this.options.eventStore,
      readStore: this.options.readStore,
      batchSize: this.batchSize,
      clock: this.clock,
      isStopped: () => this.stopped || lost(),
      onProgress: (progress) => {
        entry.progress = progress;
        this.options.onRebuildProgress?.(progress);
      },
      swap: (swapIn) => this.swap(name, swapIn, fence),
      malformed: this.options.malformed,
      ...(fence !== undefined && { fence }),
    })
      .then(() => {
        if (!this.stopped && lost()) throw new FencedError('projection.lease_lost', `Rebuild of ${name} stopped: this process lost the projection's lease; the previous version goes on serving`, { name });
        this.rebuildErrors.delete(name);
      })
      .catch((error: unknown) => {
        this.rebuildErrors.set(name, error instanceof Error ? error.message : String(error));
        throw error;
      })
      .finally(() => this.rebuilds.delete(name));
    this.rebuilds.set(name, entry);
    return entry.done;
  }

  /** Clears a projection's recorded failure and retries the event it failed on. */
  async retry(name: string): Promise<void> {
    await this.loopNamed(name).clearFailure();
    this.wakeups.get(name)!.fire();
  }

  /** Resolves when every projection has applied the log up to `position` (read-your-writes). */
  async waitFor(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    const deadline = this.clock().getTime() + timeoutMs;
    while (this.clock().getTime() < deadline) {
      if (await this.reachedEverywhere(position)) return true;
      await Promise.race([this.progress.next(), delay(10)]);
    }
    return false;
  }

  /** Whether projection `name` has applied every event it handles up to `position` (here, or in the process that runs it). */
  async reached(name: string, position: bigint): Promise<boolean> {
    const loop = this.loopNamed(name);
    const here = !this.options.leases || loop.fence !== undefined;
    return here ? loop.hasReached(position, this.seenThrough) : loop.reachedInStore(position);
  }

  /** Loops running here answer from memory; the others from the checkpoints their holders write. */
  private async reachedEverywhere(position: bigint): Promise<boolean> {
    for (const loop of this.loops.values()) {
      const here = !this.options.leases || loop.fence !== undefined;
      if (here ? !loop.hasReached(position, this.seenThrough) : !(await loop.reachedInStore(position))) return false;
    }
    return true;
  }

  /** Events and seconds between the store's head and each projection's checkpoint. */
  async lag(): Promise<ProjectionLag[]> {
    return Promise.all(
      [...this.loops.values()].map(async (loop) => {
        const pending = await collect(
          this.options.eventStore.readAll({ after: loop.position ?? undefined, types: loop.projection.handles, maxCount: lagCountLimit }),
        );
        const oldest = pending[0];
        const secondsBehind = oldest ? Math.max(0, (this.clock().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000) : 0;
        return { name: loop.projection.name, eventsBehind: pending.length, eventsBehindCapped: pending.length === lagCountLimit, secondsBehind };
      }),
    );
  }

  status(): ProjectionStatus[] {
    return [...this.loops.values()].map((loop) => ({
      name: loop.projection.name,
      version: loop.projection.version,
      position: loop.position,
      state: loop.failure ? 'failed' : this.stopped ? 'stopped' : 'live',
      failure: loop.failure,
      rebuild: this.rebuilds.get(loop.projection.name)?.progress ?? null,
      rebuildError: this.rebuildErrors.get(loop.projection.name) ?? null,
      paused: this.pauses.get(loop.projection.name) ?? null,
      skipped: [...(this.options.eventStore.damage?.skippedBy(loop.projection.handles, loop.position) ?? []), ...loop.skipped],
    }));
  }

  private async follow(loop: ProjectionLoop, deferredIndexes: readonly IndexSpec[] = []): Promise<void> {
    const done = () => this.stopped || loop.retired;
    const wakeup = this.wakeups.get(loop.projection.name)!;
    let indexes = deferredIndexes;
    while (!done()) {
      const signal = wakeup.next();
      try {
        if (!(await this.holdLease(loop))) {
          await loop.observe();
          await Promise.race([signal, this.options.leases!.changed(), delay(this.options.idleWaitMs ?? 1_000)]);
          continue;
        }
        await loop.catchUp(() => done() || !this.stillHeld(loop));
        if (indexes.length > 0) {
          await this.options.readStore.ensureIndexes(loop.target.collection, indexes);
          indexes = [];
        }
        this.resume(loop.projection.name);
      } catch (error) {
        if (error instanceof FencedError) {
          loop.fence = undefined; // a successor claimed it: this process stops writing
          continue;
        }
        // A store failure (a full disk, a file it cannot read) must not end the process: pause, retry.
        this.pause(loop.projection.name, error);
        await Promise.race([this.stoppedSignal.next(), delay(this.options.pauseRetryMs ?? 2_000)]);
        continue;
      }
      if (done()) return;
      await Promise.race([signal, delay(this.options.idleWaitMs ?? 1_000)]);
    }
  }

  /** Without leases, always. With them: claims the projection when this process has just gained its lease. */
  private async holdLease(loop: ProjectionLoop): Promise<boolean> {
    const leases = this.options.leases;
    if (!leases) return true;
    const grant = leases.held(projectionLeaseName(loop.projection.name));
    if (!grant) {
      loop.fence = undefined;
      return false;
    }
    if (loop.fence === grant.token) return true;
    try {
      const checkpoint = await loop.claim(grant.token);
      // A rebuild the previous holder left unfinished never swaps in now (fenced): its shadow goes.
      const shadow = shadowName(loop.projection.name).toLowerCase();
      if (!this.rebuilds.has(loop.projection.name)) await this.dropInterruptedRebuilds((name) => name.toLowerCase() === shadow);
      await this.resumeFromCheckpoint(loop, checkpoint);
      return true;
    } catch (error) {
      if (error instanceof FencedError) return false;
      throw error;
    }
  }

  private stillHeld(loop: ProjectionLoop): boolean {
    return !this.options.leases || this.options.leases.held(projectionLeaseName(loop.projection.name))?.token === loop.fence;
  }

  private holdsToken(name: string, token: number): boolean {
    return this.options.leases?.held(projectionLeaseName(name))?.token === token;
  }

  private pause(name: string, error: unknown): void {
    const code = isAppError(error) ? error.code : 'projection.store_failed';
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.pauses.has(name)) this.notify({ kind: 'paused', projection: name, code, reason, error });
    this.pauses.set(name, { code, reason, since: this.pauses.get(name)?.since ?? this.clock().toISOString() });
  }

  private resume(name: string): void {
    const pause = this.pauses.get(name);
    if (!pause) return;
    this.pauses.delete(name);
    this.notify({ kind: 'resumed', projection: name, after: pause.code });
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
    this.wakeups.get(name)!.fire();
    await this.running.get(name);
    const replacement = this.loopFor(previous.projection, name, name);
    try {
      if (fence !== undefined) {
        if (!this.holdsToken(name, fence)) throw new FencedError('projection.lease_lost', `Rebuild of ${name} not swapped in: this process lost the projection's lease`, { name });
        await previous.claim(fence);
      }
      await swapIn();
    } finally {
      // Whatever happened, the projection goes on being followed (and claimed again under leases).
      await replacement.load();
      if (fence !== undefined && this.holdsToken(name, fence)) await replacement.claim(fence).catch(() => undefined);
      this.loops.set(name, replacement);
      this.running.set(name, this.follow(replacement));
    }
  }

  /**
   * Wakes only the loops that handle what was appended: a webhook delivery does not make every
   * read model query the store. The others learn from `seenThrough` that they are not behind.
   */
  private async forwardWakeups(subscription: Subscription): Promise<void> {
    for await (const event of subscription) {
      this.seenThrough = event.position;
      for (const loop of this.loops.values()) {
        if (!loop.projection.handles.includes(event.type)) continue;
        loop.lastHandledSeen = event.position;
        this.wakeups.get(loop.projection.name)!.fire();
      }
      this.progress.fire();
    }
  }

  private wakeAll(): void {
    for (const wakeup of this.wakeups.values()) wakeup.fire();
    this.progress.fire();
    this.stoppedSignal.fire();
  }

  private loopFor(projection: Projection, checkpointKey: string, collection: string): ProjectionLoop {
    const loop = new ProjectionLoop(projection, { checkpointKey, collection }, this.options.eventStore, this.options.readStore, this.batchSize, this.clock, this.options.malformed);
    loop.onSkipped = (event) => this.notify({ kind: 'skipped', projection: checkpointKey, event });
    loop.onProgress = () => {
      if (!loop.retired) this.resume(projection.name);
      this.progress.fire();
    };
    return loop;
  }

  private loopNamed(name: string): ProjectionLoop {
    const loop = this.loops.get(name);
    if (!loop) throw new NotFoundError('projection.unknown', `No projection named "${name}"`, { name, known: [...this.loops.keys()] });
    return loop;
  }
}

/** A one-shot broadcast, renewed on every fire: `next()` resolves at the next `fire()`. */
class Signal {
  private resolve: () => void = () => undefined;
  private current = this.renew();

  next(): Promise<void> {
    return this.current;
  }

  fire(): void {
    const resolve = this.resolve;
    this.current = this.renew();
    resolve();
  }

  private renew(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolve = resolve));
  }
}
