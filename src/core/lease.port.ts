import type { Clock } from './time';

/** A lease as granted: who holds `name` until when, under which fencing token. */
export interface LeaseGrant {
  readonly name: string;
  readonly holder: string;
  /**
   * Fencing token: every takeover by another holder gets a higher one than any before, a renewal
   * by the same holder keeps it. Writes guarded by a lease carry it, and a store that has seen a
   * higher token refuses them (`read_store.fenced`), so a holder that lost its lease without
   * noticing (paused, partitioned) cannot overwrite its successor's work.
   */
  readonly token: number;
  /** Epoch milliseconds on the lease store's clock. */
  readonly expiresAt: number;
}

/**
 * Named leases shared by the processes of one deployment: at most one holder per name at a time.
 * Adapters: SQLite (processes sharing one DATA_DIR on one host) and MongoDB (any number of hosts,
 * clocks within a fraction of the TTL). Every adapter passes `src/testing/lease-store.contract.ts`.
 */
export interface LeaseStore {
  /**
   * Takes `name` for `holder` until `ttlMs` from now when it is free, expired or already
   * `holder`'s (a renewal); returns null when another holder's lease is still running.
   */
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<LeaseGrant | null>;
  /** Ends the lease at once if `grant` is still current, so a successor need not wait for the TTL. */
  release(grant: LeaseGrant): Promise<void>;
  /** Every lease ever taken, expired ones included, by name. */
  list(): Promise<LeaseGrant[]>;
  close(): Promise<void>;
}

export interface LeaseStoreOptions {
  /** The store's notion of now; tests pass a controllable one. */
  readonly clock?: Clock;
}
