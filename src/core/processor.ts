import { collect, type EventStore } from './event-store.port';
import type { ProjectionFailure } from './read-store.port';
import type { Clock } from './time';

/**
 * Everything that follows the event log is a processor. A projection folds events into documents
 * (pure `evolve`, rebuildable); a reactor acts on them (attempts webhook deliveries, runs workflows,
 * keeps an in-memory index, counts, forwards). Both keep their position in the read store's
 * checkpoints, show the same status and lag, and report to the composition root through notices.
 */
export type ProcessorKind = 'projection' | 'reactor';

/** Events of these types (and, when given, of streams of these categories); empty types match nothing. */
export interface EventSelection {
  readonly types: readonly string[];
  readonly categories?: readonly string[];
}

export interface ProcessorStatus {
  readonly name: string;
  readonly kind: ProcessorKind;
  /** Event types it follows. */
  readonly handles: readonly string[];
  /** Position of the last event applied or handled; null before the first. */
  readonly position: bigint | null;
  /** `failed`: stopped on an event (a projection) or retrying one (a reactor); `stopped`: not running here. */
  readonly state: 'live' | 'failed' | 'stopped';
  readonly failure: ProjectionFailure | null;
  /** False when another process holds its lease (see README "Scaling out"): its position is read from the store. */
  readonly runsHere: boolean;
  /** Events it went past: malformed ones (projections) or given up after its retries (reactors). */
  readonly skipped: number;
  /** Whether it has state that `rebuild` can replay from the log (projections). */
  readonly rebuildable: boolean;
}

export interface ProcessorLag {
  readonly name: string;
  readonly eventsBehind: number;
  /** True when the processor is at least `eventsBehind` events behind (counting stopped). */
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
}

/** Counting stops here: a health check must stay cheap however far behind a processor is. */
export const lagCountLimit = 10_000;

/** Events and seconds between the store's head and `position`, counting only what `selection` takes. */
export async function lagAfter(eventStore: EventStore, name: string, selection: EventSelection, position: bigint | null, clock: Clock): Promise<ProcessorLag> {
  const pending = await collect(
    eventStore.readAll({ after: position ?? undefined, types: selection.types, ...(selection.categories && { categories: selection.categories }), maxCount: lagCountLimit }),
  );
  const oldest = pending[0];
  const secondsBehind = oldest ? Math.max(0, (clock().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000) : 0;
  return { name, eventsBehind: pending.length, eventsBehindCapped: pending.length === lagCountLimit, secondsBehind };
}

/** How a processor's failure is described, the same for every kind. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
