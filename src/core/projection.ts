import type { DamagedEvent } from './event-damage';
import type { RecordedEvent } from './messages';
import type { DerivedSums } from './projection-sums';
import type { DocumentWrite, IndexSpec, ProjectionFailure, ReadDocument } from './read-store.port';

/**
 * A read model: pure handlers over events, no store inside. `evolve` uses the event's own times,
 * never the clock, so a rebuild gives the same documents as live processing.
 */
export interface Projection<D extends ReadDocument = ReadDocument> {
  /** Logical collection name (snake_case); queries read it, whatever rebuild is under way. */
  readonly name: string;
  /** Bump to rebuild the read model from the log (the old version keeps serving until the swap). */
  readonly version: number;
  /** Event types it folds; others are never read for it. */
  readonly handles: readonly string[];
  /** Ids of the documents an event changes; empty to ignore the event. */
  documentIds(event: RecordedEvent): readonly string[];
  /**
   * The document after the event, or null to delete it. The runner adds `_events`, the number of
   * events folded into the document, so a KPI can say how many events fed it.
   */
  evolve(document: D | null, event: RecordedEvent, id: string): D | null;
  readonly indexes?: readonly IndexSpec[];
  /** Optional: documents folded once per batch instead of once per event (see `BatchFold`). */
  readonly batchFold?: BatchFold<D>;
  /** Optional: sums of its documents kept beside them in the same commit (see `DerivedSums`). */
  readonly sums?: DerivedSums<D>;
}

/**
 * For documents that many events of one batch change, such as period buckets: `evolve` per event
 * copies such a document once per event (a fold is pure, it cannot add in place), which a rebuild
 * pays for in CPU and garbage. The runner gives each document `owns` accepts the events of the
 * batch it has not applied yet, in order, in one call, so it is copied once per batch.
 */
export interface BatchFold<D extends ReadDocument = ReadDocument> {
  owns(id: string): boolean;
  /** Must equal `evolve` applied to each event in turn; never deletes (`_events` grows by `events.length`). */
  evolve(document: D | null, events: readonly RecordedEvent[], id: string): D;
}

/** A document as stored, or the tombstone of a deleted one, with the position of the last event applied. */
export interface StoredState {
  readonly document: ReadDocument | null;
  readonly position: bigint;
}

export interface FoldedBatch {
  readonly writes: DocumentWrite[];
  /** Position of the last event folded successfully (null when the first one failed). */
  readonly position: bigint | null;
  readonly failure: ProjectionFailure | null;
  /** Events the projection could not apply because their data is malformed: gone past, named here. */
  readonly skipped: DamagedEvent[];
}

/** Why an event's data is malformed (not the shape its type declares), or null. */
export type MalformedCheck = (event: RecordedEvent) => string | null;

/** The ids a batch touches, so the runner can load them in one query. */
export function documentIdsOf(projection: Projection, events: readonly RecordedEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) for (const id of projection.documentIds(event)) ids.add(id);
  return [...ids];
}

/**
 * Folds a batch in memory over the documents it touches. An event at or below a document's stored
 * position was already applied to it and is skipped: replays change nothing. Stops at the first
 * event `evolve` throws on, keeping what came before it.
 */
export function foldBatch(
  projection: Projection,
  events: readonly RecordedEvent[],
  loaded: ReadonlyMap<string, StoredState>,
  now: () => Date = () => new Date(),
  malformed: MalformedCheck = () => null,
): FoldedBatch {
  return (projection.batchFold && foldWithBatchFold(projection, projection.batchFold, events, loaded)) ?? foldEventByEvent(projection, events, loaded, now, malformed);
}

/**
 * The batch with the documents `batchFold` owns folded once each, the others event by event; null
 * as soon as anything throws, and the batch is then folded again event by event, which stops at
 * or goes past the failing event exactly as a projection without a batch fold does.
 */
function foldWithBatchFold(projection: Projection, batchFold: BatchFold, events: readonly RecordedEvent[], loaded: ReadonlyMap<string, StoredState>): FoldedBatch | null {
  const working = new Map<string, StoredState>(loaded);
  const touched = new Set<string>();
  const deferred = new Map<string, RecordedEvent[]>();
  try {
    for (const event of events) {
      const ids = projection.documentIds(event);
      for (let index = 0; index < ids.length; index++) {
        const id = ids[index]!;
        // A handful of ids: a repeated one is found by looking back, without a Set per event.
        if (ids.indexOf(id) < index) continue;
        const current = working.get(id);
        if (current && current.position >= event.position) continue;
        if (batchFold.owns(id)) {
          const pending = deferred.get(id);
          if (pending) pending.push(event);
          else deferred.set(id, [event]);
          continue;
        }
        working.set(id, { document: evolved(projection, current, event, id), position: event.position });
        touched.add(id);
      }
    }
    for (const [id, applied] of deferred) {
      const current = working.get(id);
      const document = { ...batchFold.evolve(current?.document ?? null, applied, id), _events: eventCountOf(current?.document) + applied.length };
      working.set(id, { document, position: applied[applied.length - 1]!.position });
      touched.add(id);
    }
  } catch {
    return null;
  }
  return { writes: writesOf(touched, working), position: events[events.length - 1]?.position ?? null, failure: null, skipped: [] };
}

function evolved(projection: Projection, current: StoredState | undefined, event: RecordedEvent, id: string): ReadDocument | null {
  const next = projection.evolve(current?.document ?? null, event, id);
  return next && { ...next, _events: eventCountOf(current?.document) + 1 };
}

function foldEventByEvent(
  projection: Projection,
  events: readonly RecordedEvent[],
  loaded: ReadonlyMap<string, StoredState>,
  now: () => Date,
  malformed: MalformedCheck,
): FoldedBatch {
  const working = new Map<string, StoredState>(loaded);
  const touched = new Set<string>();
  const skipped: DamagedEvent[] = [];
  let position: bigint | null = null;
  for (const event of events) {
    let changes: Array<[string, ReadDocument | null]>;
    try {
      changes = evolveAll(projection, event, working);
    } catch (error) {
      // Malformed data can never be applied: go past it, named, rather than stop for good.
      const problem = malformed(event);
      if (problem !== null) {
        skipped.push(skippedEvent(event, `malformed_data: ${problem} (${describe(error)})`));
        position = event.position;
        continue;
      }
      const failure = { eventId: event.id, eventType: event.type, position: event.position.toString(), error: describe(error), failedAt: now().toISOString() };
      return { writes: writesOf(touched, working), position, failure, skipped };
    }
    for (const [id, document] of changes) {
      working.set(id, { document, position: event.position });
      touched.add(id);
    }
    position = event.position;
  }
  return { writes: writesOf(touched, working), position, failure: null, skipped };
}

const skippedEvent = (event: RecordedEvent, reason: string): DamagedEvent => ({
  stream: event.stream,
  revision: event.revision.toString(),
  position: event.position.toString(),
  type: event.type,
  id: event.id,
  reason,
});

/** All documents one event changes, or a throw with none of them applied. */
function evolveAll(projection: Projection, event: RecordedEvent, working: Map<string, StoredState>) {
  const changes: Array<[string, ReadDocument | null]> = [];
  for (const id of new Set(projection.documentIds(event))) {
    const current = working.get(id);
    if (current && current.position >= event.position) continue;
    changes.push([id, evolved(projection, current, event, id)]);
  }
  return changes;
}

function eventCountOf(document: ReadDocument | null | undefined): number {
  return typeof document?._events === 'number' ? document._events : 0;
}

function writesOf(touched: Set<string>, working: Map<string, StoredState>): DocumentWrite[] {
  return [...touched].map((id) => ({ id, ...working.get(id)! }));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
