import type { ProjectionStatus } from '../../core/projection-runner';
import { type ClosableIterator, closableIterator } from '../shared/closable-iterator';

export interface ProjectionAdvance {
  readonly projection: string;
  readonly position: bigint;
}

type StatusSource = { status(): ProjectionStatus[] };

class Listener {
  /** Latest position per projection: a slow client gets the newest state, never an unbounded queue. */
  readonly pending = new Map<string, bigint>();
  private wake: (() => void) | null = null;
  closed = false;

  constructor(readonly names: ReadonlySet<string> | null) {}

  offer(advance: ProjectionAdvance): void {
    if (this.names && !this.names.has(advance.projection)) return;
    this.pending.delete(advance.projection);
    this.pending.set(advance.projection, advance.position);
    this.notify();
  }

  notify(): void {
    this.wake?.();
    this.wake = null;
  }

  async next(): Promise<IteratorResult<ProjectionAdvance>> {
    while (!this.closed && this.pending.size === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.closed) return { done: true, value: undefined };
    const [projection, position] = this.pending.entries().next().value!;
    this.pending.delete(projection);
    return { done: false, value: { projection, position } };
  }
}

/**
 * Tells subscribers when a read model moves, so dashboards refetch instead of polling. Watches
 * the runner's in-memory status (cheap) only while someone listens.
 */
export class ProjectionFeed {
  private readonly listeners = new Set<Listener>();
  private readonly last = new Map<string, bigint | null>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: StatusSource,
    private readonly intervalMs = 100,
  ) {}

  subscribe(names: readonly string[] | null = null): ClosableIterator<ProjectionAdvance> {
    const listener = new Listener(names && names.length > 0 ? new Set(names) : null);
    if (this.listeners.size === 0) this.startWatching();
    this.listeners.add(listener);
    return closableIterator(
      () => listener.next(),
      () => this.remove(listener),
    );
  }

  /** Ends every subscription (shutdown). */
  stop(): void {
    for (const listener of [...this.listeners]) this.remove(listener);
  }

  private remove(listener: Listener): void {
    listener.closed = true;
    listener.notify();
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private startWatching(): void {
    for (const status of this.runner.status()) this.last.set(status.name, status.position);
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private poll(): void {
    for (const { name, position } of this.runner.status()) {
      if (position === null || this.last.get(name) === position) continue;
      this.last.set(name, position);
      for (const listener of this.listeners) listener.offer({ projection: name, position });
    }
  }
}
