import { randomUUID } from 'node:crypto';
import type { EventStore } from '../core/event-store.port';
import type { NewEvent, NewEventMetadata, RecordedEvent } from '../core/messages';
import { streamName } from '../core/stream-name';

/** Gives the contract's test bodies the store opened by the suite. */
export type StoreProvider = () => EventStore;

/**
 * A category no other test (nor another run against the same server) uses: the contract must pass
 * on a shared, non-empty EventStoreDB, so every test only looks at its own categories.
 */
export function uniqueCategory(): string {
  return `Contract${randomUUID().replaceAll('-', '')}`;
}

export function uniqueStream(category: string = uniqueCategory()): string {
  return streamName(category, randomUUID());
}

export function contractMetadata(overrides: Partial<NewEventMetadata> = {}): NewEventMetadata {
  return { occurredAt: '2026-03-04T05:06:07.089Z', correlationId: randomUUID(), causationId: null, actor: 'user:contract', ...overrides };
}

export function newEvent(type = 'ContractThingHappened', data: object = { value: randomUUID() }, metadata?: Partial<NewEventMetadata>): NewEvent {
  return { id: randomUUID(), type, data, metadata: contractMetadata(metadata) };
}

export function newEvents(count: number, type?: string): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}

/** The head position to read `$all` after, so a test only sees what it appended. */
export async function afterHead(store: EventStore): Promise<bigint | undefined> {
  return (await store.headPosition()) ?? undefined;
}

/**
 * The next `count` events of an iterator. Fails (rather than hanging until the test timeout)
 * when they do not arrive within `withinMs`; this guards liveness, it asserts no speed.
 */
export async function nextEvents(iterator: AsyncIterator<RecordedEvent>, count: number, withinMs = 10_000): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} events arrived within ${withinMs} ms`)), withinMs);
  });
  try {
    while (received.length < count) {
      const next = await Promise.race([iterator.next(), deadline]);
      if (next.done) throw new Error(`iteration ended after ${received.length} of ${count} events`);
      received.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return received;
}

export function strictlyIncreasing(values: readonly bigint[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]!);
}
