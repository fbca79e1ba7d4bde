import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/messages';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

describe('SQLite change signal between processes sharing one event store', () => {
  const directory = mkdtempSync(join(tmpdir(), 'zixly-signal-'));
  const stores: SqliteEventStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  // Two stores on one file stand for two processes: each has its own connection and commit signal.
  const open = async () => {
    const store = await openSqliteEventStore({ path: join(directory, 'events.sqlite'), synchronous: 'NORMAL', changeSignal: true, pollIntervalMs: 600_000 });
    stores.push(store);
    return store;
  };

  it("wakes the other store's subscription on each commit, long before its ten-minute poll", async () => {
    // Given a subscriber whose poll would take ten minutes
    const writer = await open();
    const reader = await open();
    const subscription = reader.subscribe({ after: 'end' });
    const received: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 3) return;
      }
    })();

    // When the other store commits three appends, one after the other
    for (const index of [1, 2, 3]) {
      await writer.append(`Invoice-${index}`, [{ id: `00000000-0000-7000-8000-00000000000${index}`, type: 'InvoiceIssued', data: {}, metadata }]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Then the subscriber receives them (the test's own timeout is far below the poll)
    await consuming;
    await subscription.close();
    expect(received.map((event) => event.stream)).toEqual(['Invoice-1', 'Invoice-2', 'Invoice-3']);
    rmSync(directory, { recursive: true, force: true });
  }, 10_000);
});
