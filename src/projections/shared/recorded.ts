import type { DomainEvent, RecordedEvent } from '../../core/messages';

/**
 * `RecordedEvent<A | B>` keeps `type` and `data` as separate unions; distributing over the union
 * makes switching on `type` narrow `data` as well.
 */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;

export type RecordedOfType<E extends DomainEvent, T extends E['type']> = RecordedOf<Extract<E, { type: T }>>;

