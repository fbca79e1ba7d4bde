import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { collect, type EventStore } from '../core/event-store.port';
import { randomId } from '../core/ids';
import type { RecordedEvent } from '../core/messages';
import type { Projection } from '../core/projection';
import { ProjectionRunner } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';
import { checkReadiness } from './readiness.check';

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const note = (text: string, size = 10) => ({ id: randomId(), type: 'NoteTaken', data: { noteId: text, text: text.padEnd(size, '.') }, metadata });

const notes: Projection = {
  name: 'notes',
  version: 1,
  handles: ['NoteTaken'],
  documentIds: (event) => [(event.data as { noteId: string }).noteId],
  evolve(_document, event, id) {
    const { text } = event.data as { text: string };
    if (text.startsWith('poison')) throw new Error('cannot fold a poisoned note');
    return { _id: id, text };
  },
};

/**
 * Fills a SQLite file from a second connection up to the cap its store was opened with (the store's
 * connection may not grow the file any further: its writes fail with SQLITE_FULL); `release` frees
 * the space again, as an operator freeing the disk would.
 */
function filler(path: string) {
  const db = new Database(path);
  db.exec('CREATE TABLE IF NOT EXISTS filler (blob BLOB)');
  return {
    fill: (bytes: number) => db.prepare('INSERT INTO filler VALUES (zeroblob(?))').run(bytes),
    release: () => db.exec('DELETE FROM filler'),
    close: () => void db.close(),
  };
}

describe('readiness and a full disk', () => {
  const opened: Array<{ close(): Promise<void> | void }> = [];
  let directory = '';
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  async function open(readStoreCapBytes?: number, eventStoreCapBytes?: number) {
    directory = mkdtempSync(join(tmpdir(), 'zixly-readiness-'));
    const eventsPath = join(directory, 'events.sqlite');
    const readsPath = join(directory, 'read-models.sqlite');
    const store: EventStore = await openSqliteEventStore({ path: eventsPath, synchronous: 'NORMAL', maxFileBytes: eventStoreCapBytes });
    const readStore: ReadStore = await openSqliteReadStore({ path: readsPath, maxFileBytes: readStoreCapBytes });
    // Notes whose text is not a string are malformed (as the import's shape check would say).
    const malformed = (event: RecordedEvent) => (typeof (event.data as { text?: unknown }).text === 'string' ? null : 'data.text must be a string');
    const runner = new ProjectionRunner({ eventStore: store, readStore, projections: [notes], idleWaitMs: 20, pauseRetryMs: 20, malformed });
    opened.push(store, readStore, { close: () => runner.stop() });
    await runner.start();
    const readiness = () => checkReadiness({ store, adapter: 'sqlite', readStore, projections: runner, lagThreshold: 100 });
    return { store, readStore, runner, readiness, eventsPath, readsPath };
  }

  it('answers not ready, naming the event, while a projection has failed however small its lag', async () => {
    const { store, runner, readiness } = await open();
    const { position } = await store.append('Note-1', [note('poison pill')]);
    await runner.waitFor(position);

    const state = await readiness();

    expect(runner.status()[0]!.state).toBe('failed');
    expect(state.ready).toBe(false);
    expect(state.reasons).toEqual([expect.stringMatching(/^projection notes: failed at event .* \(NoteTaken, position 1\): Error: cannot fold a poisoned note/)]);
  });

  it('goes past an event whose malformed data the projection cannot apply, naming it, and stays ready', async () => {
    const { store, runner, readiness } = await open();
    await store.append('Note-1', [{ ...note('x'), data: { noteId: 'bad', text: 42 } }]);
    const { position } = await store.append('Note-2', [note('after')]);

    expect(await runner.waitFor(position)).toBe(true);
    const [status] = runner.status();

    expect(status!.state).toBe('live');
    expect(status!.skipped).toEqual([expect.objectContaining({ stream: 'Note-1', revision: '0', position: '1', reason: expect.stringMatching(/^malformed_data: data.text must be a string \(TypeError: /) })]);
    expect((await readiness()).ready).toBe(true);
  });

  it('refuses appends with event_store.disk_full while the disk is full, keeps serving reads, and accepts writes again once space returns', async () => {
    const { store, readiness, eventsPath } = await open(undefined, 2 * 2 ** 20);
    const acknowledged = await store.append('Note-1', [note('kept')]);
    const disk = filler(eventsPath);
    opened.push(disk);
    disk.fill(3 * 2 ** 20);

    // When the store must grow its full file
    const refused = store.append('Note-2', [note('big', 200_000)]);

    await expect(refused).rejects.toMatchObject({ kind: 'upstream', code: 'event_store.disk_full' });
    expect((await collect(store.readAll())).map((event) => event.position)).toEqual([acknowledged.position]);
    const whileFull = await readiness();
    expect(whileFull.ready).toBe(false);
    expect(whileFull.reasons).toContainEqual(expect.stringContaining('event store writes refused: The event store could not commit a batch of appends: the disk is full (SQLITE_FULL)'));

    // Then, once space returns, the next append succeeds and readiness comes back by itself
    disk.release();
    await store.append('Note-3', [note('after', 200_000)]);
    expect((await readiness()).eventStore.writeFault).toBeUndefined();
    expect((await collect(store.readAll())).map((event) => (event.data as { noteId: string }).noteId)).toEqual(['kept', 'after']);
  });

  it('stops reporting a full disk a while after the last refused write, so that writes are tried again', async () => {
    directory = mkdtempSync(join(tmpdir(), 'zixly-readiness-'));
    const path = join(directory, 'events.sqlite');
    const store = await openSqliteEventStore({ path, synchronous: 'NORMAL', maxFileBytes: 2 * 2 ** 20, writeFaultHoldMs: 50 });
    opened.push(store);
    await store.append('Note-1', [note('kept')]);
    const disk = filler(path);
    opened.push(disk);
    disk.fill(3 * 2 ** 20);
    await expect(store.append('Note-2', [note('big', 200_000)])).rejects.toMatchObject({ code: 'event_store.disk_full' });
    expect(store.writeFault!()).toMatchObject({ code: 'event_store.disk_full' });

    // When no write comes (a load balancer took the app out of rotation)
    while (store.writeFault!() !== null) await new Promise((resolve) => setTimeout(resolve, 10));

    // Then the store no longer says writes are refused; the next write tells again
    await expect(store.append('Note-3', [note('big', 200_000)])).rejects.toMatchObject({ code: 'event_store.disk_full' });
    expect(store.writeFault!()).toMatchObject({ code: 'event_store.disk_full' });
  });

  it('pauses a projection whose read-model writes hit a full disk, without ending the process, and resumes it when space returns', async () => {
    const { store, runner, readiness, readsPath } = await open(2 * 2 ** 20);
    await runner.waitFor((await store.append('Note-0', [note('warm-up')])).position);
    const disk = filler(readsPath);
    opened.push(disk);
    disk.fill(3 * 2 ** 20);

    // When a projection must write a document larger than the space left
    const { position } = await store.append('Note-1', [note('large', 300_000)]);
    while (runner.status()[0]!.paused === null) await new Promise((resolve) => setTimeout(resolve, 10));

    const whileFull = await readiness();
    expect(whileFull.ready).toBe(false);
    expect(whileFull.reasons).toEqual([expect.stringMatching(/^projection notes: paused since .*: SQLite read store failed: .*: the disk is full \(SQLITE_FULL\)/)]);

    // Then, once space returns, it resumes by itself and applies the event
    disk.release();
    expect(await runner.waitFor(position, 10_000)).toBe(true);
    expect(runner.status()[0]!.paused).toBeNull();
    expect((await readiness()).ready).toBe(true);
  });

  it('stays ready with a damaged event, naming it and the projection that went past it', async () => {
    const { store, runner, readiness, eventsPath } = await open();
    await store.append('Note-1', [note('first'), note('second'), note('third')]);
    const raw = new Database(eventsPath);
    raw.prepare(`UPDATE events SET data = replace(data, 'second', 'secomd') WHERE revision = 1`).run();
    raw.close();

    await store.checkIntegrity!();
    const { position } = await store.append('Note-2', [note('fourth')]);
    await runner.waitFor(position);
    const state = await readiness();

    expect(state.ready).toBe(true);
    expect(state.reasons).toEqual(['damaged event skipped: Note-1 revision 1 (position 2, NoteTaken): checksum mismatch']);
    expect(runner.status()[0]!.skipped).toEqual([expect.objectContaining({ stream: 'Note-1', revision: '1', position: '2' })]);
    expect(state.projections.notes!.skipped).toEqual(['Note-1 revision 1 (position 2, NoteTaken): checksum mismatch']);
  });
});
