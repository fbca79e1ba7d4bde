import type { RecordedEvent } from '../../core/messages';

/**
 * When an event happened, as an ISO UTC instant with milliseconds. Writers may send offsets
 * (`+10:00`); normalising makes stored instants compare as strings in range filters.
 */
export function occurredAt(event: RecordedEvent): string {
  return new Date(event.metadata.occurredAt).toISOString();
}

/** Calendar minutes from `from` to `to`, fractions kept (percentiles interpolate between them). */
export function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}
