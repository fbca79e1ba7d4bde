import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { newEvents, uniqueStream } from '../../testing/event-store-contract.fixtures';
import { openSqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-sqlite-damage-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;

/** A store file holding `count` events of one stream; `damage` then edits rows behind the store's back. */
async function storeWith(count: number, damage: (db: Database.Database) => void) {
  const path = join(directory, `${++files}`, 'events.sqlite');
  const stream = uniqueStream();
  const writer = await openSqliteEventStore({ path, synchronous: 'NORMAL' });
  await writer.append(stream, newEvents(count));
  await writer.close();
  const raw = new Database(path);
  damage(raw);
  raw.close();
  return { store: await openSqliteEventStore({ path, synchronous: 'NORMAL', pageSize: 2 }), stream };
}

describe('SQLite event store with damaged rows', () => {
  it('stores a checksum with every appended event', async () => {
    const { store } = await storeWith(3, (db) => {
      expect(db.prepare('SELECT COUNT(*) FROM events WHERE checksum IS NULL').pluck().get()).toBe(0);
    });
    await store.close();
  });

  it('reads past an event whose bytes changed but still parse, naming it by stream, revision and position', async () => {
    // Given the second of five events altered in place (valid JSON, wrong checksum)
    const { store, stream } = await storeWith(5, (db) => db.prepare(`UPDATE events SET data = replace(data, '"index":1', '"index":7') WHERE revision = 1`).run());

    // When the log and the stream are read
    const all = await collect(store.readAll());
    const own = await collect(store.readStream(stream));

    // Then every other event is read and the damaged one is named
    expect(all.map((event) => event.data)).toEqual([{ index: 0 }, { index: 2 }, { index: 3 }, { index: 4 }]);
    expect(own).toHaveLength(4);
    expect(store.damage?.list()).toEqual([expect.objectContaining({ stream, revision: '1', position: '2', reason: 'checksum_mismatch' })]);
    await store.close();
  });

  it('reads past unparseable JSON and a malformed row, and a subscription carries on after them', async () => {
    const { store } = await storeWith(6, (db) => {
      db.prepare(`UPDATE events SET data = substr(data, 1, 4), checksum = NULL WHERE revision = 1`).run();
      db.prepare(`UPDATE events SET revision = 'x' || revision WHERE revision = 3`).run();
    });

    const subscription = store.subscribe();
    const seen: unknown[] = [];
    for await (const event of subscription) {
      seen.push(event.data);
      if (seen.length === 4) break;
    }

    expect(seen).toEqual([{ index: 0 }, { index: 2 }, { index: 4 }, { index: 5 }]);
    expect(store.damage?.list().map((damage) => [damage.position, damage.reason])).toEqual([
      ['2', 'data_not_json'],
      ['4', 'malformed_row'],
    ]);
    await store.close();
  });

  it('keeps reading events stored before checksums existed', async () => {
    const { store } = await storeWith(3, (db) => db.prepare('UPDATE events SET checksum = NULL').run());

    const report = await store.checkIntegrity!();

    expect(await collect(store.readAll())).toHaveLength(3);
    expect(report).toEqual({ checked: 3, withoutChecksum: 3, damaged: [] });
    await store.close();
  });

  it('finds every damaged event in a walk over the whole log', async () => {
    const { store, stream } = await storeWith(12_000, (db) => db.prepare(`UPDATE events SET metadata = replace(metadata, 'user:contract', 'user:contracT') WHERE revision IN (3, 11000)`).run());

    const report = await store.checkIntegrity!();

    expect(report.checked).toBe(12_000);
    expect(report.damaged.map((damage) => [damage.stream, damage.revision, damage.reason])).toEqual([
      [stream, '3', 'checksum_mismatch'],
      [stream, '11000', 'checksum_mismatch'],
    ]);
    // Reads after the walk skip what it found without hashing again
    expect(await collect(store.readAll())).toHaveLength(11_998);
    await store.close();
  });
});
