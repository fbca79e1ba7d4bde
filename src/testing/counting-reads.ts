import type { EventStore, ReadStreamOptions } from '../core/event-store.port';
import type { DomainEvent, RecordedEvent } from '../core/messages';

/** An event store counting the stream reads made through it (`reads`); everything else goes straight to `inner`. */
export function countingReads(inner: EventStore): EventStore & { reads: number } {
  const counting = Object.create(inner) as EventStore & { reads: number };
  counting.reads = 0;
  counting.readStream = <E extends DomainEvent>(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>> => {
    counting.reads++;
    return inner.readStream<E>(stream, options);
  };
  return counting;
}
