import type { EventStore } from './event-store.port';
import type { DamagedEvent } from './event-damage';
import type { ProcessorLeases } from './lease-keeper';
import type { ProcessorLag } from './processor';
import type { MalformedCheck, Projection } from './projection';
import type { RebuildProgress } from './projection-rebuild';
import type { ProjectionFailure, ReadStore } from './read-store.port';
import type { Clock } from './time';

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

/** The lease under which a projection runs when several processes share the stores. */
export const projectionLeaseName = (name: string) => `projection:${name}`;

/** Events and seconds between the store's head and a projection's checkpoint (the same as any processor's). */
export type ProjectionLag = ProcessorLag;

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
