import { openSqliteReadStore } from './sqlite-read-store';

/** Commits one document and returns without closing the store: the process must still end by itself. */
async function main(): Promise<void> {
  const store = await openSqliteReadStore({ path: process.argv[2]! });
  const checkpoint = { projection: 'notes', version: 1, collection: 'notes', position: 1n, failure: null, updatedAt: '2026-03-01T00:00:00.000Z' };
  await store.commit('notes', [{ id: 'n-1', position: 1n, document: { _id: 'n-1', text: 'kept' } }], checkpoint);
}

void main();
