import { binaryEvent, EventStoreDBClient, jsonEvent, START } from '@eventstore/db-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collect, type EventStore } from '../../core/event-store.port';
import { eventStoreContract } from '../../testing/event-store.contract';
import { ids, newEvent, newEvents, nextEvents, uniqueCategory, uniqueStream } from '../../testing/event-store-contract.fixtures';
import {
  type InMemoryEventStoreDb,
  type InMemoryEventStoreDbOptions,
  startInMemoryEventStoreDb,
} from '../../testing/eventstoredb-double/in-memory-eventstoredb-server';
import { openEventStoreDb } from './eventstoredb-event-store';

const realServerUrl = process.env['EVENTSTORE_URL'];
const skippedRealServer =
  'SKIPPED: EventStoreDB contract suite against a real server (set EVENTSTORE_URL=esdb://localhost:2113?tls=false, see README)';
if (!realServerUrl) console.log(skippedRealServer);

describe.skipIf(!realServerUrl)(realServerUrl ? 'EventStoreDB adapter on the real server at EVENTSTORE_URL' : skippedRealServer, () => {
  eventStoreContract('EventStoreDB (real server)', () => openEventStoreDb({ connectionString: realServerUrl! }));
});

describe.each([
  ['BatchAppend, as current servers', {}],
  ['Append only, as servers without BatchAppend', { batchAppend: false, idempotentPositions: false }],
] satisfies [string, InMemoryEventStoreDbOptions][])('EventStoreDB adapter on the in-memory protocol double (%s)', (_, doubleOptions) => {
  let server: InMemoryEventStoreDb;
  beforeAll(async () => {
    server = await startInMemoryEventStoreDb(doubleOptions);
  });
  afterAll(() => server.stop());

  eventStoreContract('EventStoreDB (in-memory protocol double)', () => openEventStoreDb({ connectionString: server.connectionString }));
});

describe('EventStoreDB adapter: what the server writes itself never reaches callers', () => {
  let server: InMemoryEventStoreDb;
  let store: EventStore;
  let driver: EventStoreDBClient;
  beforeAll(async () => {
    server = await startInMemoryEventStoreDb({ statsEvery: 1 });
    store = await openEventStoreDb({ connectionString: server.connectionString });
    driver = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await store.close();
    await driver.dispose();
    await server.stop();
  });

  const rawAll = async () => (await collect(driver.readAll({ fromPosition: START }))).map((resolved) => resolved.event!);

  it('reports no head on a server that holds only its own events', async () => {
    const systemOnly = await rawAll();

    const head = await store.headPosition();

    expect(systemOnly.length).toBeGreaterThan(0);
    expect(head).toBeNull();
  });

  it('reads $all without system events, counting maxCount in delivered events only', async () => {
    const category = uniqueCategory();
    const events = newEvents(4);
    for (const event of events) await store.append(uniqueStream(category), [event]);
    const raw = await rawAll();

    const all = await collect(store.readAll());
    const firstTwo = await collect(store.readAll({ maxCount: 2 }));

    expect(raw.filter((event) => event.type.startsWith('$')).length).toBeGreaterThan(events.length);
    expect(all.some((event) => event.type.startsWith('$') || event.stream.startsWith('$'))).toBe(false);
    expect(ids(all)).toEqual(ids(events));
    expect(ids(firstTwo)).toEqual(ids(events.slice(0, 2)));
  });

  it('reports the head at the last appended event, not at statistics written after it', async () => {
    const appended = await store.append(uniqueStream(), newEvents(1));
    const rawLast = (await rawAll()).at(-1)!;

    const head = await store.headPosition();

    expect(rawLast.type).toBe('$statsCollected');
    expect(rawLast.position!.commit > appended.position).toBe(true);
    expect(head).toBe(appended.position);
  });

  it('delivers no system events to a subscription without filters', async () => {
    const after = (await store.headPosition()) ?? undefined;
    const events = newEvents(3);
    const subscription = store.subscribe({ after });

    for (const event of events) await store.append(uniqueStream(), [event]);
    const received = await nextEvents(subscription[Symbol.asyncIterator](), events.length);
    await subscription.close();

    expect(ids(received)).toEqual(ids(events));
  });

  it('stores JSON with our id and the correlation keys ESDB tooling reads', async () => {
    const stream = uniqueStream();
    const event = newEvent('ContractThingHappened', { value: 1 }, { causationId: 'cause-7' });

    await store.append(stream, [event], 'no_stream');

    const [raw] = await collect(driver.readStream(stream));
    expect(raw!.event).toMatchObject({ id: event.id, type: event.type, isJson: true, data: { value: 1 } });
    expect(raw!.event!.metadata).toMatchObject({ $correlationId: event.metadata.correlationId, $causationId: 'cause-7' });
  });

  it('reads an event written by another tool without our metadata, timed by the server', async () => {
    const stream = uniqueStream();
    await driver.appendToStream(stream, jsonEvent({ type: 'TypedInTheWebUi', data: { note: 'hello' } }));

    const [read] = await collect(store.readStream(stream));

    expect(read!.data).toEqual({ note: 'hello' });
    expect(read!.metadata).toMatchObject({ actor: 'unknown', correlationId: read!.id, causationId: null });
    expect(Date.parse(read!.metadata.recordedAt)).not.toBeNaN();
  });

  it('stores a checksum of the data with each event, and reads past an event whose data no longer matches it, or that is not JSON, naming each', async () => {
    const stream = uniqueStream();
    const [first, second] = newEvents(2);
    await store.append(stream, [first!, second!], 'no_stream');
    const [stored] = await collect(driver.readStream(stream));
    const checksum = (stored!.event!.metadata as Record<string, unknown>)['checksum'];
    // The same metadata (checksum included) over altered data, as a changed record would read.
    await driver.appendToStream(stream, jsonEvent({ type: 'ContractThingHappened', data: { index: 99 }, metadata: stored!.event!.metadata as Record<string, unknown> }));
    await driver.appendToStream(stream, binaryEvent({ type: 'ContractThingHappened', data: Buffer.from([0xff, 0x00]) }));
    await store.append(stream, [newEvent()], 3n);

    const read = await collect(store.readStream(stream));
    const all = (await collect(store.readAll())).filter((event) => event.stream === stream);

    expect(typeof checksum).toBe('string');
    expect(read.map((event) => event.revision)).toEqual([0n, 1n, 4n]);
    expect(all.map((event) => event.revision)).toEqual([0n, 1n, 4n]);
    expect(store.damage?.list().filter((damage) => damage.stream === stream).map((damage) => [damage.revision, damage.reason])).toEqual([
      ['2', 'checksum_mismatch'],
      ['3', 'data_not_json'],
    ]);
    const report = await store.checkIntegrity!();
    expect(report.damaged.filter((damage) => damage.stream === stream)).toHaveLength(2);
  });
});

describe('EventStoreDB adapter: input it refuses before any round trip', () => {
  let server: InMemoryEventStoreDb;
  let store: EventStore | undefined;
  beforeAll(async () => {
    server = await startInMemoryEventStoreDb();
  });
  afterEach(async () => store?.close());
  afterAll(() => server.stop());

  it('refuses event ids that are not UUIDs', async () => {
    store = await openEventStoreDb({ connectionString: server.connectionString });

    const appending = store.append(uniqueStream(), [{ ...newEvent(), id: 'webhook-42' }]);

    await expect(appending).rejects.toMatchObject({ kind: 'validation', code: 'event.invalid' });
  });

  it('refuses every call once closed', async () => {
    store = await openEventStoreDb({ connectionString: server.connectionString });
    await store.close();

    const appending = store.append(uniqueStream(), newEvents(1));

    await expect(appending).rejects.toMatchObject({ kind: 'upstream', code: 'event_store.closed' });
  });
});
