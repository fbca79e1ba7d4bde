import { chunked, type Deadline, noDeadline } from './deadline';
import { ValidationError } from './errors';
import type { EventStore, ReadAllOptions, Subscription } from './event-store.port';
import type { Projection } from './projection';
import { ProjectionLoop } from './projection-loop';
import type { ReadStore } from './read-store.port';
import { type Clock, parseInstant, systemClock } from './time';

export interface AsOfOptions {
  /** A throw-away read store (e.g. SQLite in memory); it is closed with the result. */
  readonly openScratchReadStore: () => Promise<ReadStore>;
  /** The most events an as-of query may replay; beyond it the query is refused. */
  readonly maxEvents?: number;
  readonly batchSize?: number;
  readonly clock?: Clock;
  /** The replay reads in chunks, yielding to the event loop between them, and stops past this deadline. */
  readonly deadline?: Deadline;
}

export interface ReadModelsAsOf {
  readonly reads: ReadStore;
  /** Position of the last event replayed (null when the store had nothing yet). */
  readonly position: bigint | null;
  readonly eventsReplayed: number;
  close(): Promise<void>;
}

export const defaultAsOfMaxEvents = 250_000;

/**
 * The read models as they stood at `instant`: the events the store had recorded by then
 * (`recordedAt ≤ instant`, i.e. what the dashboards knew at that moment) replayed into a
 * throw-away read store. Costs one pass over those events per projection (and one read of the
 * whole log: history imported with its own times, such as the demo seed's, is recorded in the past
 * after events recorded now, so `recordedAt` need not grow with the position); refused with a clear
 * error past `maxEvents`.
 */
export async function readModelsAsOf(eventStore: EventStore, projections: readonly Projection[], instant: string, options: AsOfOptions): Promise<ReadModelsAsOf> {
  const until = parseInstant(instant, 'asOf').toISOString();
  const maxEvents = options.maxEvents ?? defaultAsOfMaxEvents;
  const deadline = options.deadline ?? noDeadline;
  const { position, count } = await lastPositionRecordedBy(eventStore, until, maxEvents, deadline);
  const reads = await options.openScratchReadStore();
  try {
    const bounded = boundedEventStore(eventStore, position, until, deadline);
    for (const projection of projections) {
      const loop = new ProjectionLoop(projection, { checkpointKey: projection.name, collection: projection.name }, bounded, reads, options.batchSize ?? 5_000, options.clock ?? systemClock);
      await loop.catchUp();
      if (loop.failure) throw new ValidationError('as_of.projection_failed', `Projection ${projection.name} failed while replaying for asOf ${instant}: ${loop.failure.error}`);
    }
  } catch (error) {
    await reads.close();
    throw error;
  }
  return { reads, position, eventsReplayed: count, close: () => reads.close() };
}

async function lastPositionRecordedBy(eventStore: EventStore, until: string, maxEvents: number, deadline: Deadline): Promise<{ position: bigint | null; count: number }> {
  let position: bigint | null = null;
  let count = 0;
  for await (const event of chunked(eventStore.readAll(), deadline, 1_000)) {
    if (event.metadata.recordedAt > until) continue;
    if (++count > maxEvents) {
      throw new ValidationError(
        'as_of.too_many_events',
        `An as-of query replays at most ${maxEvents} events and the store had recorded more by ${until}; ask for an earlier instant or use the live figures`,
        { maxEvents },
      );
    }
    position = event.position;
  }
  return { position, count };
}

/** The store seen only up to `lastPosition` and without what was recorded after `until`: reads stop there and nothing is live. */
function boundedEventStore(store: EventStore, lastPosition: bigint | null, until: string, deadline: Deadline): EventStore {
  async function* upTo(options: ReadAllOptions | undefined) {
    if (lastPosition === null) return;
    let yielded = 0;
    for await (const event of chunked(store.readAll({ ...options, maxCount: undefined }), deadline, 1_000)) {
      if (event.position > lastPosition || yielded === options?.maxCount) return;
      if (event.metadata.recordedAt > until) continue;
      yielded++;
      yield event;
    }
  }
  const refuse = (what: string) => () => {
    throw new ValidationError('as_of.read_only', `An as-of view of the store cannot ${what}`);
  };
  return {
    append: refuse('append'),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => upTo(options),
    readEvent: async (id) => {
      const event = await store.readEvent(id);
      return event !== null && lastPosition !== null && event.position <= lastPosition ? event : null;
    },
    headPosition: async () => lastPosition,
    subscribe: refuse('subscribe') as () => Subscription,
    close: async () => undefined,
  };
}
