import type { DomainEvent, RecordedEvent } from '../../core/messages';

/** The recorded event as its domain union, so a `switch` on `type` narrows `data`. */
export function domainEventOf<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as E;
}
