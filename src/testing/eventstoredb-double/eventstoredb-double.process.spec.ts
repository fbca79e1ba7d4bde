import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStoreDb } from '../../adapters/eventstoredb/eventstoredb-event-store';
import { collect } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { type EventStoreDbDoubleProcess, spawnEventStoreDbDouble } from '../eventstoredb-double-process';

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

describe('the EventStoreDB double as a process', () => {
  let double: EventStoreDbDoubleProcess;
  beforeAll(async () => {
    double = await spawnEventStoreDbDouble();
  }, 30_000);
  afterAll(async () => {
    await double?.stop();
  });

  it('serves two clients one log: what one appends, the other reads and is pushed by its subscription', async () => {
    // Given two clients of the double process, the second subscribed to the log's end
    const writer = await openEventStoreDb({ connectionString: double.connectionString });
    const reader = await openEventStoreDb({ connectionString: double.connectionString });
    const subscription = reader.subscribe({ after: 'end' });
    const pushed: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const event of subscription) {
        if (event.stream.startsWith('$')) continue;
        pushed.push(event);
        return;
      }
    })();

    // When the first appends
    const { position } = await writer.append('Invoice-1', [{ id: '00000000-0000-7000-8000-000000000001', type: 'InvoiceIssued', data: { amountCents: 5 }, metadata }]);

    // Then the second reads it and its subscription delivers it
    await consuming;
    expect(pushed.map((event) => [event.stream, event.position])).toEqual([['Invoice-1', position]]);
    expect((await collect(reader.readStream('Invoice-1'))).map((event) => event.data)).toEqual([{ amountCents: 5 }]);
    await subscription.close();
    await writer.close();
    await reader.close();
  }, 30_000);
});
