import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/messages';
import { LogTail } from './sqlite-log-tail';
import { eventFilter } from './sqlite-queries';

/** A log in memory, counting the events the tail reads from it. */
function fakeLog(head: number) {
  const events: RecordedEvent[] = [];
  const append = (type: string, stream: string) => {
    const position = BigInt(head + events.length + 1);
    events.push({ id: `e${position}`, type, stream, revision: 0n, position, data: {}, metadata: { occurredAt: '2026-03-01T00:00:00.000Z', recordedAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 't' } });
  };
  let eventsRead = 0;
  let queries = 0;
  const readAfter = (after: bigint, limit: number) => {
    queries++;
    const page = events.filter((event) => event.position > after).slice(0, limit);
    eventsRead += page.length;
    const sized = page.map((event) => ({ event, bytes: event.type === 'LargePayload' ? 1_000 : 100 }));
    return { events: sized, rows: page.length, scannedThrough: page.at(-1)?.position ?? null };
  };
  const headOf = () => {
    queries++;
    return events.length === 0 ? BigInt(head) : events.at(-1)!.position;
  };
  let lookedAt: number | null = null;
  const committedSince = () => {
    const changed = lookedAt !== events.length;
    lookedAt = events.length;
    return changed;
  };
  return { append, readAfter, head: headOf, committedSince, eventsRead: () => eventsRead, queries: () => queries };
}

const tailOf = (log: ReturnType<typeof fakeLog>, capacity: number, maxBytes: number) => new LogTail(log.readAfter, log.head, log.committedSince, capacity, maxBytes);

describe('log tail', () => {
  it('reads each new event from the store once, however many readers follow the head', () => {
    // Given a tail opened at position 100, and three events appended after it
    const log = fakeLog(100);
    const tail = tailOf(log, 10, 10_000);
    expect(tail.page(100n, eventFilter({}), 50)?.events).toEqual([]);
    log.append('TicketOpened', 'Ticket-1');
    log.append('WebhookDeliveryReceived', 'WebhookDelivery-1');
    log.append('TicketResolved', 'Ticket-1');

    // When readers with different filters page from the head
    const tickets = tail.page(100n, eventFilter({ categories: ['Ticket'] }), 50);
    const deliveries = tail.page(100n, eventFilter({ types: ['WebhookDeliveryReceived'] }), 50);
    const everything = tail.page(101n, eventFilter({}), 1);

    // Then each gets its events, the filtered reader learns it may skip past all three, and the store was read for three events in all
    expect(tickets?.scannedThrough).toBe(103n);
    expect(tickets?.events.map((event) => event.type)).toEqual(['TicketOpened', 'TicketResolved']);
    expect(deliveries?.events.map((event) => event.position)).toEqual([102n]);
    expect(everything?.events.map((event) => event.position)).toEqual([102n]);
    expect(log.eventsRead()).toBe(3);
  });

  it('does not query the store for readers that come after no new commit', () => {
    // Given a tail that has read the two events appended after it opened
    const log = fakeLog(0);
    const tail = tailOf(log, 10, 10_000);
    tail.page(0n, eventFilter({}), 10);
    log.append('TicketOpened', 'Ticket-1');
    log.append('TicketResolved', 'Ticket-1');
    expect(tail.page(0n, eventFilter({}), 10)?.events).toHaveLength(2);
    const queriesBefore = log.queries();

    // When five more readers page while nothing is committed, then one after a commit
    for (let reader = 0; reader < 5; reader++) expect(tail.page(0n, eventFilter({}), 10)?.events).toHaveLength(2);
    const queriesWhileQuiet = log.queries() - queriesBefore;
    log.append('TicketOpened', 'Ticket-2');
    const afterCommit = tail.page(2n, eventFilter({}), 10);

    // Then the quiet reads were answered from memory alone, and the read after the commit sees the new event
    expect(queriesWhileQuiet).toBe(0);
    expect(afterCommit?.events.map((event) => event.position)).toEqual([3n]);
  });

  it('sees what was appended since the last read, and sends reads older than it holds to SQLite', () => {
    // Given a tail holding at most four events, after three and then three more were appended
    const log = fakeLog(0);
    const tail = tailOf(log, 4, 10_000);
    tail.page(0n, eventFilter({}), 10);
    for (let i = 0; i < 3; i++) log.append('HoursLogged', `Project-${i}`);
    expect(tail.page(0n, eventFilter({}), 10)?.events).toHaveLength(3);
    for (let i = 3; i < 6; i++) log.append('HoursLogged', `Project-${i}`);

    // When readers page from the start and from the second event
    const fromStart = tail.page(0n, eventFilter({}), 10);
    const fromSecond = tail.page(2n, eventFilter({}), 10);
    log.append('HoursLogged', 'Project-7');

    // Then the first is answered by SQLite (null), the second from memory, and a new event shows at once
    expect(fromStart).toBeNull();
    expect(fromSecond?.events.map((event) => event.position)).toEqual([3n, 4n, 5n, 6n]);
    expect(tail.page(6n, eventFilter({}), 10)?.events.map((event) => event.position)).toEqual([7n]);
  });

  it('starts over at the head when it fell further behind than it holds, without reading what it skips', () => {
    // Given a tail of four events, and twenty events appended while nobody read
    const log = fakeLog(0);
    const tail = tailOf(log, 4, 10_000);
    tail.page(0n, eventFilter({}), 10);
    for (let i = 0; i < 20; i++) log.append('HoursLogged', `Project-${i}`);

    // When a reader pages from the tenth event, and another from the head
    const behind = tail.page(10n, eventFilter({}), 10);
    const atHead = tail.page(20n, eventFilter({}), 10);

    // Then the first goes to SQLite, the second is answered from memory, and none of the twenty was read
    expect(behind).toBeNull();
    expect(atHead?.events).toEqual([]);
    expect(log.eventsRead()).toBe(0);
  });

  it('keeps no more stored JSON than it is allowed, however few the events', () => {
    // Given a tail allowed 1,500 bytes, and two large events after a small one
    const log = fakeLog(0);
    const tail = tailOf(log, 100, 1_500);
    tail.page(0n, eventFilter({}), 10);
    log.append('TicketOpened', 'Ticket-1');
    log.append('LargePayload', 'WebhookDelivery-1');
    log.append('LargePayload', 'WebhookDelivery-2');

    // When a reader pages from the last large event, and another from the start
    const recent = tail.page(2n, eventFilter({}), 10);
    const early = tail.page(0n, eventFilter({}), 10);

    // Then only the newest event is held: the first reader is answered from memory, the second by SQLite
    expect(recent?.events.map((event) => event.position)).toEqual([3n]);
    expect(early).toBeNull();
  });

  it('holds the newest events in order while it drops the oldest, one commit after another', () => {
    // Given a tail of five events, followed as the log grows one event per commit
    const log = fakeLog(0);
    const tail = tailOf(log, 5, 10_000);
    tail.page(0n, eventFilter({}), 10);
    for (let n = 1; n <= 40; n++) {
      log.append('HoursLogged', `Project-${n}`);
      // When a reader pages from just before the oldest of the last five, and one from before that
      const oldest = Math.max(0, n - 5);
      const held = tail.page(BigInt(oldest), eventFilter({}), 10);
      const older = oldest > 0 ? tail.page(BigInt(oldest - 1), eventFilter({}), 10) : null;
      // Then the first gets the last five events in order from memory, the second goes to SQLite
      expect(held?.events.map((event) => Number(event.position))).toEqual(Array.from({ length: n - oldest }, (_, index) => oldest + index + 1));
      expect(older).toBeNull();
    }
    expect(log.eventsRead()).toBe(40);
  });
});
