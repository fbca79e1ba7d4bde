import { collect, type EventStore } from '../../core/event-store.port';
import { categoryOf } from '../../core/stream-name';
import { canonicalJson } from './read-model-snapshot';

/** Streams of the machinery around the facts: arrivals, refusals, keys. Their events carry arrival times. */
const machinery = new Set(['WebhookDelivery', 'WebhookRejection', 'ApiKey']);

/**
 * The business facts of a log as comparable lines — stream, type, data, when it happened and its
 * source — leaving out ids, positions, recording times and correlation ids, which differ by run.
 */
export async function businessFacts(store: EventStore): Promise<string[]> {
  const events = await collect(store.readAll());
  return events
    .filter((event) => !machinery.has(categoryOf(event.stream)))
    .map((event) => canonicalJson({ stream: event.stream, type: event.type, data: event.data, occurredAt: event.metadata.occurredAt, source: event.metadata.source ?? null }))
    .sort();
}

/** Lines in one list and not matched by an equal line in the other, both ways. */
export function unmatchedLines(left: readonly string[], right: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of left) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const line of right) counts.set(line, (counts.get(line) ?? 0) - 1);
  return [...counts].flatMap(([line, count]) => Array.from({ length: Math.abs(count) }, () => `${count > 0 ? '-' : '+'} ${line}`));
}
