import { randomBytes } from 'node:crypto';
import type { ReadStore } from '../core/read-store.port';

/** The server the MongoDB suites run against (`.ci/run` starts FerretDB and sets it), or null. */
export const mongoTestServer: string | null = process.env.MONGODB_URL ?? null;

/** `MONGODB_URL` with a database no other test uses, so suites can share one server. */
export function mongoTestUrl(prefix: string): string {
  if (!mongoTestServer) throw new Error('MONGODB_URL is not set');
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(mongoTestServer);
  if (!match) throw new Error(`MONGODB_URL is not a MongoDB URL: ${mongoTestServer}`);
  return `${match[1]}/${prefix}_${randomBytes(4).toString('hex')}${match[2] ?? ''}`;
}

/** Drops every collection and checkpoint of a test database through the port. */
export async function dropReadModels(reads: ReadStore): Promise<void> {
  for (const collection of await reads.listCollections()) await reads.dropCollection(collection);
  for (const checkpoint of await reads.checkpoints()) await reads.deleteCheckpoint(checkpoint.projection);
}
