import { describe, expect, it } from 'vitest';
import { readStoreContract } from '../../testing/read-store.contract';
import { openMongoReadStore } from './mongodb-read-store';

const url = process.env.MONGODB_URL;

if (!url) {
  console.log('SKIPPED: MongoDB read-store contract suite (set MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true — see README)');
}

describe.skipIf(!url)('SKIPPED without MONGODB_URL: MongoDB read-store contract', () => {
  // A database of its own, so the suite never touches the application's read models.
  readStoreContract('MongoDB', () => openMongoReadStore({ url: url!, database: 'zixly_ops_contract' }));
});

describe('MongoDB read store without a server', () => {
  it('fails to open with read_store.unavailable when no server answers', async () => {
    const opening = openMongoReadStore({ url: 'mongodb://127.0.0.1:9/?directConnection=true', serverSelectionTimeoutMs: 300 });

    await expect(opening).rejects.toMatchObject({ kind: 'upstream', code: 'read_store.unavailable' });
  });
});
