import type { EventStore, Subscription } from './event-store.port';
import type { RecordedEvent } from './messages';

/**
 * Turns a stored event of an older shape into the current one. Event types are frozen once stored,
 * so an upcaster changes `data` (and may read metadata to decide); it must be pure and idempotent:
 * an event already in the current shape passes through unchanged.
 */
export interface Upcaster {
  readonly eventType: string;
  upcast(event: RecordedEvent): RecordedEvent;
}

/** Wraps any store so that every read and subscription yields upcast events. Appends are untouched. */
export function withUpcasting(store: EventStore, upcasters: readonly Upcaster[]): EventStore {
  if (upcasters.length === 0) return store;
  const byType = new Map<string, Upcaster[]>();
  for (const upcaster of upcasters) byType.set(upcaster.eventType, [...(byType.get(upcaster.eventType) ?? []), upcaster]);

  const upcast = (event: RecordedEvent): RecordedEvent =>
    (byType.get(event.type) ?? []).reduce((current, upcaster) => upcaster.upcast(current), event);

  async function* mapped<T extends RecordedEvent>(events: AsyncIterable<T>): AsyncIterable<T> {
    for await (const event of events) yield upcast(event) as T;
  }

  return {
    append: (stream, events, expected) => store.append(stream, events, expected),
    readStream: (stream, options) => mapped(store.readStream(stream, options)),
    readAll: (options) => mapped(store.readAll(options)),
    readEvent: async (id) => {
      const event = await store.readEvent(id);
      return event === null ? null : upcast(event);
    },
    headPosition: () => store.headPosition(),
    subscribe: (options): Subscription => {
      const subscription = store.subscribe(options);
      return { [Symbol.asyncIterator]: () => mapped(subscription)[Symbol.asyncIterator](), close: () => subscription.close() };
    },
    close: () => store.close(),
    damage: store.damage,
    checkIntegrity: store.checkIntegrity?.bind(store),
    writeFault: store.writeFault?.bind(store),
  };
}
