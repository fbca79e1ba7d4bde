import type { DomainEvent, RecordedEvent } from '../../core/messages';

/**
 * `RecordedEvent<A | B>` keeps `type` and `data` as separate unions; distributing over the union
 * makes switching on `type` narrow `data` as well.
 */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;

export type RecordedOfType<E extends DomainEvent, T extends E['type']> = RecordedOf<Extract<E, { type: T }>>;

/**
 * When the event happened, as an ISO UTC instant with milliseconds. Writers may send offsets
 * (`+10:00`); stored instants must be normalised to compare as strings in range filters.
 */
export function instantOf(event: { readonly metadata: { readonly occurredAt: string } }): string {
  return new Date(event.metadata.occurredAt).toISOString();
}
