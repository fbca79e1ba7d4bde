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
