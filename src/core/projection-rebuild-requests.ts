import { shadowName } from './projection-rebuild';
import type { ReadStore } from './read-store.port';

/**
 * Under leases a projection is written by one process only, so a rebuild must run there. A
 * process that does not hold the lease (an API replica, the CLI) hands the rebuild over by saving
 * this row among the checkpoints; the holder takes it up within a second, and so does the next
 * holder if this one dies first. Not a shadow (`<name>__rebuild`): it never counts as a leftover.
 */
export const rebuildRequestKey = (projection: string) => `${projection}__rebuild_request`;

const requestSuffix = rebuildRequestKey('');

export async function requestRebuild(readStore: ReadStore, projection: string, requestedAt: Date): Promise<void> {
  await readStore.saveCheckpoint({ projection: rebuildRequestKey(projection), version: 1, collection: projection, position: null, failure: null, updatedAt: requestedAt.toISOString() });
}

/** Names of the projections whose rebuild was requested and not yet taken up. */
export async function requestedRebuilds(readStore: ReadStore): Promise<string[]> {
  const keys = (await readStore.checkpoints()).map((checkpoint) => checkpoint.projection);
  return keys.filter((key) => key.endsWith(requestSuffix)).map((key) => key.slice(0, -requestSuffix.length));
}

export const isShadow = (name: string) => name.toLowerCase().endsWith(shadowName('').toLowerCase());

/**
 * Drops what interrupted rebuilds left (shadow collections and checkpoints) among those `which`
 * selects: nothing will swap them in (a new rebuild starts over), so they only take space.
 * Returns the collections dropped.
 */
export async function dropRebuildLeftovers(readStore: ReadStore, which: (name: string) => boolean): Promise<string[]> {
  const dropped = (await readStore.listCollections()).filter((name) => isShadow(name) && which(name));
  for (const collection of dropped) await readStore.dropCollection(collection);
  for (const { projection } of (await readStore.checkpoints()).filter((checkpoint) => isShadow(checkpoint.projection) && which(checkpoint.projection))) {
    await readStore.deleteCheckpoint(projection);
  }
  return dropped;
}
