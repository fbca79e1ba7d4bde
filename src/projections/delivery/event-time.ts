import type { DomainEvent, RecordedEvent } from '../../core/messages';

/**
 * The event's `occurredAt` as a canonical ISO UTC string (`…T…:…:….sssZ`): writers may send other
 * offsets or precisions, and read-model range filters compare instants as strings.
 */
export function occurredAtOf(event: RecordedEvent): string {
  return new Date(event.metadata.occurredAt).toISOString();
}

/** The recorded event as its domain union, so a `switch` on `type` narrows `data`. */
export function domainEventOf<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as E;
}
