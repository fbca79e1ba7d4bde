import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, UpstreamError } from '../../core/errors';
import { collect, type EventStore } from '../../core/event-store.port';
import { newEvent, newEvents, nextEvents, uniqueCategory, uniqueStream } from '../../testing/event-store-contract.fixtures';
import { type InMemoryEventStoreDb, startInMemoryEventStoreDb } from '../../testing/eventstoredb-double/in-memory-eventstoredb-server';
import { openEventStoreDb } from './eventstoredb-event-store';

/** Driver failures leave the adapter as our errors, never as the driver's. */
describe('EventStoreDB adapter: driver errors translated at the edge', () => {
  let server: InMemoryEventStoreDb | undefined;
  let store: EventStore | undefined;
  afterEach(async () => {
    await store?.close();
    await server?.stop();
  });

  async function storeOnStoppedServer(): Promise<{ store: EventStore; endpoint: string }> {
    server = await startInMemoryEventStoreDb();
    store = await openEventStoreDb({ connectionString: server.connectionString });
    await store.append(uniqueStream(), newEvents(1));
    await server.stop();
    return { store, endpoint: new URL(server.connectionString).host };
  }

  it('reports a wrong expected version as ConcurrencyError carrying the driver error as cause', async () => {
    server = await startInMemoryEventStoreDb();
    store = await openEventStoreDb({ connectionString: server.connectionString });
    const stream = uniqueStream();
    await store.append(stream, newEvents(2), 'no_stream');

    const appending = store.append(stream, newEvents(1), 0n);

    await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(appending).rejects.toMatchObject({ expected: '0', actual: 1n, cause: { type: 'wrong-expected-version' } });
  });

  it('reports an append to a stopped server as UpstreamError naming the server', async () => {
    const { store, endpoint } = await storeOnStoppedServer();

    const appending = store.append(uniqueStream(), newEvents(1));

    await expect(appending).rejects.toBeInstanceOf(UpstreamError);
    await expect(appending).rejects.toMatchObject({ code: 'event_store.unavailable', message: expect.stringContaining(endpoint) });
  });

  it('reports reads from a stopped server as UpstreamError', async () => {
    const { store } = await storeOnStoppedServer();

    const reads = await Promise.allSettled([collect(store.readStream(uniqueStream())), collect(store.readAll()), store.headPosition()]);

    expect(reads.map((read) => (read.status === 'rejected' ? read.reason : read.value))).toEqual([
      expect.objectContaining({ kind: 'upstream', code: 'event_store.unavailable' }),
      expect.objectContaining({ kind: 'upstream', code: 'event_store.unavailable' }),
      expect.objectContaining({ kind: 'upstream', code: 'event_store.unavailable' }),
    ]);
  });

  it('reports a server that was never reachable as UpstreamError', async () => {
    server = await startInMemoryEventStoreDb();
    const connectionString = server.connectionString;
    await server.stop();
    store = await openEventStoreDb({ connectionString });

    const appending = store.append(uniqueStream(), newEvents(1));

    await expect(appending).rejects.toMatchObject({ kind: 'upstream', code: 'event_store.unavailable' });
  });

  it.each([
    ['BatchAppend', true],
    ['Append', false],
  ])('reports an append above the maximum append size as UpstreamError (%s)', async (_, batchAppend) => {
    server = await startInMemoryEventStoreDb({ batchAppend });
    store = await openEventStoreDb({ connectionString: server.connectionString });
    const stream = uniqueStream();
    const tooLarge = newEvent('ContractHugeThingHappened', { blob: 'x'.repeat(1_100_000) });

    const appending = store.append(stream, [tooLarge]);

    await expect(appending).rejects.toMatchObject({ kind: 'upstream', code: 'event_store.append_too_large' });
    expect(await collect(store.readStream(stream))).toEqual([]);
  });

  it('fails a pending subscription iteration with UpstreamError when the server goes away', async () => {
    server = await startInMemoryEventStoreDb();
    store = await openEventStoreDb({ connectionString: server.connectionString });
    const category = uniqueCategory();
    const subscription = store.subscribe({ categories: [category] });
    const iterator = subscription[Symbol.asyncIterator]();
    await store.append(uniqueStream(category), newEvents(1));
    await nextEvents(iterator, 1);
    const pending = iterator.next();

    await server.stop();

    await expect(pending).rejects.toBeInstanceOf(UpstreamError);
  });
});
