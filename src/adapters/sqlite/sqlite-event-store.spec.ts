import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, ValidationError } from '../../core/errors';
import { collect } from '../../core/event-store.port';
import { eventStoreContract } from '../../testing/event-store.contract';
import { ids, newEvent, newEvents, nextEvents, uniqueCategory, uniqueStream } from '../../testing/event-store-contract.fixtures';
import { openSqliteEventStore } from './sqlite-event-store';
import { schemaVersion } from './sqlite-schema';

const directory = mkdtempSync(join(tmpdir(), 'zixly-sqlite-store-'));
const fileIn = (name: string) => join(directory, name, 'events.sqlite');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

eventStoreContract('SQLite :memory:', () => openSqliteEventStore({ path: ':memory:' }));
eventStoreContract('SQLite file, read pages of 5', () => openSqliteEventStore({ path: fileIn('contract'), pageSize: 5 }));

describe('SQLite event store', () => {
  it('rejects an event id already stored in another stream as event.duplicate_id', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const event = newEvent();
    await store.append(uniqueStream(), [event]);

    const appending = store.append(uniqueStream(), [event]);

    await expect(appending).rejects.toBeInstanceOf(ValidationError);
    await expect(appending).rejects.toMatchObject({ code: 'event.duplicate_id' });
    await store.close();
  });

  it('rejects stored ids re-appended out of place with any as event.duplicate_id, storing nothing', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const stream = uniqueStream();
    const [first, second] = newEvents(2);
    await store.append(stream, [first!, second!]);

    const appending = store.append(stream, [first!, newEvent()], 'any');

    await expect(appending).rejects.toMatchObject({ code: 'event.duplicate_id' });
    expect(await collect(store.readStream(stream))).toHaveLength(2);
    await store.close();
  });

  it('rejects an append that repeats an id within itself', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const event = newEvent();

    await expect(store.append(uniqueStream(), [event, event])).rejects.toMatchObject({ code: 'event.duplicate_id' });
    await store.close();
  });

  it('answers an empty append with the head of an existing stream, and refuses one on a missing stream', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const stream = uniqueStream();
    const appended = await store.append(stream, newEvents(2));

    const empty = await store.append(stream, [], 1n);

    expect(empty).toEqual({ nextExpectedRevision: appended.nextExpectedRevision, position: appended.position });
    await expect(store.append(stream, [], 0n)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(uniqueStream(), [], 'no_stream')).rejects.toMatchObject({ code: 'stream.empty_append' });
    await store.close();
  });

  it('ends the pending iterations of its subscriptions when it is closed', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const pending = store.subscribe({ after: 'end' })[Symbol.asyncIterator]().next();

    await store.close();

    expect(await pending).toMatchObject({ done: true });
  });

  it('stamps recordedAt from its clock', async () => {
    const store = await openSqliteEventStore({ path: ':memory:', clock: () => new Date('2026-05-06T07:08:09.010Z') });
    const stream = uniqueStream();

    await store.append(stream, newEvents(1));

    const [read] = await collect(store.readStream(stream));
    expect(read!.metadata.recordedAt).toBe('2026-05-06T07:08:09.010Z');
    await store.close();
  });
});

describe('SQLite group commit', () => {
  it('writes 1,000 concurrent appends in a handful of transactions', async () => {
    const store = await openSqliteEventStore({ path: fileIn('group-commit') });

    await Promise.all(Array.from({ length: 1_000 }, () => store.append(uniqueStream(), newEvents(1))));

    expect(store.stats().appends).toBe(1_000);
    expect(store.stats().transactions).toBeLessThanOrEqual(5);
    await store.close();
  });

  it('fails only the conflicting append of a batch', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const contested = uniqueStream();
    const before = store.stats().transactions;

    const outcomes = await Promise.allSettled([
      store.append(uniqueStream(), newEvents(1)),
      store.append(contested, newEvents(1), 'no_stream'),
      store.append(contested, newEvents(1), 'no_stream'),
      store.append(uniqueStream(), newEvents(1)),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(store.stats().transactions - before).toBe(1);
    await store.close();
  });

  it('undoes the rows a longer append wrote before it failed, and keeps the rest of its batch', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const storedElsewhere = newEvent();
    await store.append(uniqueStream(), [storedElsewhere]);
    const [failing, before, after] = [uniqueStream(), uniqueStream(), uniqueStream()];

    const outcomes = await Promise.allSettled([
      store.append(before, newEvents(1)),
      store.append(failing, [newEvent(), storedElsewhere], 'no_stream'),
      store.append(after, newEvents(1)),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await collect(store.readStream(failing))).toEqual([]);
    expect(await collect(store.readStream(before))).toHaveLength(1);
    expect(await collect(store.readStream(after))).toHaveLength(1);
    await store.close();
  });

  it('writes appends still queued when it is closed', async () => {
    const path = fileIn('close-flushes');
    const store = await openSqliteEventStore({ path });
    const stream = uniqueStream();
    const appending = store.append(stream, newEvents(3));

    await store.close();

    expect((await appending).nextExpectedRevision).toBe(2n);
    const reopened = await openSqliteEventStore({ path });
    expect(await collect(reopened.readStream(stream))).toHaveLength(3);
    await reopened.close();
  });
});

describe('SQLite file shared by two stores', () => {
  it('delivers appends made through another connection to a subscription, by polling', async () => {
    const path = fileIn('two-connections');
    const [writer, subscriber] = [await openSqliteEventStore({ path }), await openSqliteEventStore({ path, pollIntervalMs: 20 })];
    const category = uniqueCategory();
    const events = newEvents(3);
    const subscription = subscriber.subscribe({ after: 'end', categories: [category] });

    await writer.append(uniqueStream(category), events);

    expect(ids(await nextEvents(subscription[Symbol.asyncIterator](), 3))).toEqual(ids(events));
    await subscription.close();
    await Promise.all([writer.close(), subscriber.close()]);
  });

  it('keeps seeing appends through another connection after its reader has caught up', async () => {
    const path = fileIn('two-connections-again');
    const [writer, subscriber] = [await openSqliteEventStore({ path }), await openSqliteEventStore({ path, pollIntervalMs: 20 })];
    const category = uniqueCategory();
    const iterator = subscriber.subscribe({ after: 'end', categories: [category] })[Symbol.asyncIterator]();
    const rounds = [newEvents(1), newEvents(2), newEvents(1)];

    const received: string[][] = [];
    for (const events of rounds) {
      await writer.append(uniqueStream(category), events);
      received.push(ids(await nextEvents(iterator, events.length)));
    }

    expect(received).toEqual(rounds.map(ids));
    await iterator.return?.();
    await Promise.all([writer.close(), subscriber.close()]);
  });

  it('records the schema version, and refuses a file from a newer schema', async () => {
    const path = fileIn('schema');
    await (await openSqliteEventStore({ path })).close();
    const db = new Database(path);
    const recorded = db.pragma('user_version', { simple: true });
    db.pragma(`user_version = ${schemaVersion + 1}`);
    db.close();

    await expect(openSqliteEventStore({ path })).rejects.toMatchObject({ code: 'event_store.schema_too_new' });
    expect(recorded).toBe(schemaVersion);
  });
});
