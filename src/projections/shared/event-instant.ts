import type { RecordedEvent } from '../../core/messages';

/**
 * When an event happened, as an ISO UTC instant with milliseconds. Writers may send offsets
 * (`+10:00`); normalising makes stored instants compare as strings in range filters.
 */
export function occurredAt(event: RecordedEvent): string {
  const value = event.metadata.occurredAt;
  // The command handler already stores this canonical form; parsing it again is a rebuild's hot path.
  return canonicalInstant.test(value) ? value : new Date(value).toISOString();
}

const canonicalInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Calendar minutes from `from` to `to`, fractions kept (percentiles interpolate between them). */
export function minutesBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 60_000;
}
