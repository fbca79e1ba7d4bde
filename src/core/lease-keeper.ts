import type { LeaseGrant, LeaseStore } from './lease.port';
import { type Clock, systemClock } from './time';

/** What a processor asks before it works: the grant it holds for `name`, or null. */
export interface ProcessorLeases {
  held(name: string): LeaseGrant | null;
  /** Resolves at the next change of any lease held here (gained, renewed under a new token, lost). */
  changed(): Promise<void>;
}

/** For a process that runs every processor alone (the default single-process mode): no leases. */
export const noLeases = null;

/** For a process that runs no processor (`zixly serve --no-processors`). */
export const noProcessors: ProcessorLeases = { held: () => null, changed: () => new Promise<void>(() => undefined) };

export interface LeaseKeeperOptions {
  readonly store: LeaseStore;
  /** Unique per process, e.g. `hostname:pid:random`. */
  readonly holder: string;
  /** The processor names this process may run; it tries to hold a lease on each. */
  readonly names: readonly string[];
  /** How long a lease lasts without renewal: the bound on a takeover after its holder died. */
  readonly ttlMs: number;
  readonly clock?: Clock;
  readonly onError?: (error: unknown) => void;
}

/**
 * Keeps this process's leases: every third of the TTL it renews those it holds and tries to take
 * the others. A grant counts as held only until a third of the TTL before it expires, so a process
 * that cannot renew (store down, event loop stalled) stops working before anyone may take over;
 * fencing tokens then refuse whatever it still writes.
 */
export class LeaseKeeper implements ProcessorLeases {
  private readonly grants = new Map<string, LeaseGrant>();
  private readonly clock: Clock;
  /** One promise per generation, shared by every waiter, so waiting leaves nothing behind. */
  private change = nextChange();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Takes what it can at once, then keeps renewing. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void (this.ticking = this.tick()), Math.max(10, Math.floor(this.options.ttlMs / 3)));
    this.timer.unref();
  }

  held(name: string): LeaseGrant | null {
    const grant = this.grants.get(name);
    return grant && this.clock().getTime() < grant.expiresAt - this.options.ttlMs / 3 ? grant : null;
  }

  changed(): Promise<void> {
    return this.change.promise;
  }

  /** Every grant this process holds now. */
  holding(): LeaseGrant[] {
    return this.options.names.map((name) => this.held(name)).filter((grant) => grant !== null);
  }

  /** Stops renewing and releases every lease, so successors take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    const held = [...this.grants.values()];
    this.grants.clear();
    this.notify();
    await Promise.all(held.map((grant) => this.options.store.release(grant).catch((error: unknown) => this.options.onError?.(error))));
  }

  /** Every lease at once: renewing them one after the other could outlast a short TTL. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    const changes = await Promise.all(this.options.names.map((name) => this.renew(name)));
    if (changes.includes(true)) this.notify();
  }

  /** True when what this process holds of `name` changed. */
  private async renew(name: string): Promise<boolean> {
    const before = this.grants.get(name);
    let grant: LeaseGrant | null;
    try {
      grant = await this.options.store.tryAcquire(name, this.options.holder, this.options.ttlMs);
    } catch (error) {
      this.options.onError?.(error);
      return false; // keeps the grant it had: `held` stops counting it once too close to expiry
    }
    if (this.stopped) return false;
    if (grant) this.grants.set(name, grant);
    else this.grants.delete(name);
    return before?.token !== grant?.token;
  }

  private notify(): void {
    const current = this.change;
    this.change = nextChange();
    current.resolve();
  }
}

function nextChange(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
