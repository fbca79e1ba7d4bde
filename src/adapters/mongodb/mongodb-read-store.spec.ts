import { MongoClient } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { mongoTestServer } from '../../testing/mongodb-test-database';
import { readStoreContract } from '../../testing/read-store.contract';
import { openMongoReadStore } from './mongodb-read-store';

const url = mongoTestServer;
if (!url) {
  console.log('SKIPPED: MongoDB read-store contract suite (set MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true — see README)');
}

describe.skipIf(!url)('SKIPPED without MONGODB_URL: MongoDB read-store contract', () => {
  beforeAll(async () => {
    if (!(await isFerretDb(url!))) return;
    // What the adapter does only on MongoDB itself, so a run on FerretDB cannot show it.
    console.log('SKIPPED: MongoDB-only path of the read store — renameCollection with dropTarget in one command (FerretDB 1.24 answers NotImplemented; the adapter then drops and renames, which this run tests)');
  });
  // A database of its own, so the suite never touches the application's read models.
  readStoreContract('MongoDB', () => openMongoReadStore({ url: url!, database: 'zixly_ops_contract' }));
});

describe.skipIf(!url)('MongoDB read store, two writers at once', () => {
  let ferretDb = false;
  beforeAll(async () => {
    ferretDb = await isFerretDb(url!);
    // FerretDB 1.x runs an update as a query, then a write by _id (internal/handler/msg_update.go):
    // two clients racing guarded replaces on one document regressed it in 222 of 300 rounds here.
    if (ferretDb) console.log('SKIPPED: MongoDB-only guarantee of the read store — the position guard holds against a concurrent writer (FerretDB 1.24 checks an update\'s filter apart from its write)');
  });

  it('keeps the newest of writes two clients commit to one document at once', async ({ skip }) => {
    if (ferretDb) return skip();
    const [first, second] = [await openMongoReadStore({ url: url!, database: 'zixly_ops_race' }), await openMongoReadStore({ url: url!, database: 'zixly_ops_race' })];
    try {
      const collection = `race_${Date.now()}`;
      const checkpoint = (projection: string, position: bigint) => ({ projection, version: 1, collection, position, failure: null, updatedAt: '2026-03-01T00:00:00.000Z' });
      const commit = (store: typeof first, writer: string, position: number) =>
        store.commit(collection, [{ id: 'doc', position: BigInt(position), document: { _id: 'doc', position } }], checkpoint(`${collection}_${writer}_${position}`, BigInt(position)));
      await first.commit(collection, [{ id: 'doc', position: 1n, document: { _id: 'doc', position: 1 } }], checkpoint(`${collection}_start`, 1n));
      for (let round = 0; round < 20; round++) {
        const base = 100 * (round + 1);
        await Promise.all([commit(first, 'a', base + 10), commit(second, 'b', base + 20), commit(first, 'a', base + 15), commit(second, 'b', base + 30)]);
        expect((await first.getMany(collection, ['doc'])).get('doc')?.position).toBe(BigInt(base + 30));
      }
      await first.dropCollection(collection);
      for (const stored of await first.checkpoints()) if (stored.projection.startsWith(collection)) await first.deleteCheckpoint(stored.projection);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('MongoDB read store without a server', () => {
  it('fails to open with read_store.unavailable when no server answers', async () => {
    const opening = openMongoReadStore({ url: 'mongodb://127.0.0.1:9/?directConnection=true', serverSelectionTimeoutMs: 300 });
    await expect(opening).rejects.toMatchObject({ kind: 'upstream', code: 'read_store.unavailable' });
  });
});

/** FerretDB answers `buildInfo` with its own `ferretdbVersion`. */
async function isFerretDb(server: string): Promise<boolean> {
  const client = await MongoClient.connect(server, { serverSelectionTimeoutMS: 5_000 });
  try {
    return 'ferretdbVersion' in (await client.db('admin').command({ buildInfo: 1 }));
  } finally {
    await client.close();
  }
}
