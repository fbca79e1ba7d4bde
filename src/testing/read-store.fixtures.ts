import type { DocumentWrite, Json, ProjectionCheckpoint, ReadDocument, ReadStore } from '../core/read-store.port';

/** What each part of the contract gets: the open store and fresh names it cleans up afterwards. */
export interface ReadStoreTestContext {
  store(): ReadStore;
  /** A collection name no other test (or run against a shared server) uses. */
  collection(): string;
  /** A projection name no other test uses; its checkpoint is deleted after the test. */
  projection(): string;
}

/** A write that sets the document `id` to `fields` at `position`. */
export function put(id: string, position: number | bigint, fields: Record<string, Json> = {}): DocumentWrite {
  return { id, position: BigInt(position), document: { _id: id, ...fields } };
}

/** A write that deletes the document `id` at `position`. */
export function remove(id: string, position: number | bigint): DocumentWrite {
  return { id, position: BigInt(position), document: null };
}

export function checkpointOf(projection: string, collection: string, position: bigint | null): ProjectionCheckpoint {
  return { projection, version: 1, collection, position, failure: null, updatedAt: '2026-03-01T10:00:00.000Z' };
}

/** Commits `documents` to a fresh collection at positions 1..n and returns the collection. */
export async function seed(context: ReadStoreTestContext, documents: readonly ReadDocument[]): Promise<string> {
  const collection = context.collection();
  const writes = documents.map((document, index) => ({ id: document._id, position: BigInt(index + 1), document }));
  await context.store().commit(collection, writes, checkpointOf(context.projection(), collection, BigInt(documents.length)));
  return collection;
}

export function ids(documents: readonly ReadDocument[]): string[] {
  return documents.map((document) => document._id);
}
