import { FencedError, isAppError } from './errors';
import type { ProjectionLoop } from './projection-loop';
import { rebuildProjection, type RebuildProgress } from './projection-rebuild';
import { rebuildRequestKey, requestedRebuilds, requestRebuild } from './projection-rebuild-requests';
import type { ProjectionNotice, ProjectionRunnerOptions } from './projection-runner.types';
import { delay, type Signal } from './signal';
import type { Clock } from './time';

/** What the rebuilds need of the runner they belong to. */
export interface RebuildHost {
  readonly options: ProjectionRunnerOptions;
  readonly batchSize: number;
  readonly clock: Clock;
  readonly stoppedSignal: Signal;
  isStopped(): boolean;
  loopNamed(name: string): ProjectionLoop;
  /** Retires the live loop of `name`, runs `swapIn` under `fence`, and follows again on the swapped collection. */
  swap(name: string, swapIn: () => Promise<void>, fence: number | undefined): Promise<void>;
  holdsToken(name: string, token: number): boolean;
  notify(notice: ProjectionNotice): void;
}

interface Rebuild {
  progress: RebuildProgress | null;
  done: Promise<void>;
}

/**
 * The rebuilds of a runner's projections: one at a time per projection, into a shadow collection
 * while the live one keeps serving (see `rebuildProjection`). Under leases, a rebuild writes under
 * the token held when it started and stops once this process lost it; rebuilds asked for by
 * another process (`handOver`) are taken up here by the holder.
 */
export class ProjectionRebuilds {
  private readonly rebuilds = new Map<string, Rebuild>();
  private readonly errors = new Map<string, string>();

  constructor(private readonly host: RebuildHost) {}

  isRunning(name: string): boolean {
    return this.rebuilds.has(name);
  }

  progress(name: string): RebuildProgress | null {
    return this.rebuilds.get(name)?.progress ?? null;
  }

  /** Why the last rebuild of `name` failed (the previous version kept serving), or null. */
  error(name: string): string | null {
    return this.errors.get(name) ?? null;
  }

  /** Settles once every rebuild under way has ended, however it ended. */
  async settled(): Promise<void> {
    await Promise.all([...this.rebuilds.values()].map((rebuild) => rebuild.done.catch(() => undefined)));
  }

  /** Rebuilds into a fresh collection while the current one keeps serving, then swaps. */
  rebuild(name: string): Promise<void> {
    const { host } = this;
    const loop = host.loopNamed(name);
    if (host.options.leases && loop.fence === undefined) {
      const error = new FencedError('projection.runs_elsewhere', `Projection ${name} runs in another process: rebuild it there (see \`zixly leases\`)`, { name });
      return Promise.reject(error);
    }
    const existing = this.rebuilds.get(name);
    if (existing) return existing.done;
    // Under leases the rebuild writes under the token held now, and stops once this process lost it.
    const fence = loop.fence;
    const lost = () => fence !== undefined && !host.holdsToken(name, fence);
    const entry: Rebuild = { progress: null, done: Promise.resolve() };
    entry.done = rebuildProjection({
      projection: loop.projection,
      eventStore: host.options.eventStore,
      readStore: host.options.readStore,
      batchSize: host.batchSize,
      clock: host.clock,
      isStopped: () => host.isStopped() || lost(),
      onProgress: (progress) => {
        entry.progress = progress;
        host.options.onRebuildProgress?.(progress);
      },
      swap: (swapIn) => host.swap(name, swapIn, fence),
      malformed: host.options.malformed,
      ...(fence !== undefined && { fence }),
    })
      .then(() => {
        if (!host.isStopped() && lost()) throw new FencedError('projection.lease_lost', `Rebuild of ${name} stopped: this process lost the projection's lease; the previous version goes on serving`, { name });
        this.errors.delete(name);
      })
      .catch((error: unknown) => {
        this.errors.set(name, error instanceof Error ? error.message : String(error));
        throw error;
      })
      .finally(() => this.rebuilds.delete(name));
    this.rebuilds.set(name, entry);
    return entry.done;
  }

  /**
   * Hands the rebuild of `name` to the process that runs it (or the next one to take its lease),
   * for a process that does not: never two writers.
   */
  async handOver(name: string): Promise<void> {
    this.host.loopNamed(name);
    await requestRebuild(this.host.options.readStore, name, this.host.clock());
  }

  /** Under leases: starts the rebuilds handed over to this process (see `handOver`), once a second. */
  async takeUpRequests(): Promise<void> {
    const { host } = this;
    while (!host.isStopped()) {
      try {
        for (const name of await requestedRebuilds(host.options.readStore)) this.takeUp(name);
      } catch (error) {
        host.notify({ kind: 'paused', projection: 'rebuild requests', code: isAppError(error) ? error.code : 'projection.store_failed', reason: String(error), error });
      }
      await Promise.race([host.stoppedSignal.next(), delay(host.options.idleWaitMs ?? 1_000)]);
    }
  }

  private takeUp(name: string): void {
    const { host } = this;
    let loop: ProjectionLoop;
    try {
      loop = host.loopNamed(name);
    } catch {
      return; // a request for a projection this version no longer has
    }
    if (loop.fence === undefined || this.rebuilds.has(name)) return;
    // The request stays until the rebuild ends here: if this process dies first, the next holder takes it up.
    const ended = (error: string | null) => {
      host.notify({ kind: 'handed_over_rebuild_ended', projection: name, error });
      return host.options.readStore.deleteCheckpoint(rebuildRequestKey(name));
    };
    void this.rebuild(name)
      .then(() => ended(null), (error: unknown) => (error instanceof FencedError ? undefined : ended(error instanceof Error ? error.message : String(error))))
      .catch(() => undefined);
  }
}
