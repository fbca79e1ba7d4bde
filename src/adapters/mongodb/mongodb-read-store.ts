import { type Document, MongoClient, MongoServerError } from 'mongodb';
import { UpstreamError } from '../../core/errors';
import type { ProjectionCheckpoint, ReadStore } from '../../core/read-store.port';
import { checkCheckpoint, checkCollection, checkWrites, fenced } from '../shared/read-store-names';
import { checkpointsCollection, fromCheckpointDocument, toCheckpointDocument } from './mongodb-checkpoints';
import { MongoCollections } from './mongodb-collections';
import { MongoDocuments } from './mongodb-documents';
import { translateMongoError } from './mongodb-errors';

const duplicateKey = 11000;

export interface MongoReadStoreOptions {
  /** `mongodb://` or `mongodb+srv://` connection string. */
  readonly url: string;
  /** Database of the read models; defaults to the one named in the URL, else `zixly_ops`. */
  readonly database?: string;
  /** How long to wait for a reachable server before failing with `read_store.unavailable`. */
  readonly serverSelectionTimeoutMs?: number;
}

/**
 * Opens the MongoDB read store: documents as `{ _id, _position, ...fields }`, written by guarded
 * unordered bulk upserts, then the checkpoint in `_checkpoints` (a crash in between replays a batch
 * whose writes the guard then skips). Deletes are tombstones `{ _id, _position, _deleted: true }`,
 * hidden from reads. Driver failures surface as `UpstreamError`. Filters on array-valued fields
 * are not part of the contract (MongoDB would match any element, SQLite does not).
 */
export async function openMongoReadStore(options: MongoReadStoreOptions): Promise<ReadStore> {
  const client = await connect(options);
  const db = client.db(options.database ?? databaseInUrl(options.url) ?? 'zixly_ops');
  const documents = new MongoDocuments(db);
  const collections = new MongoCollections(db);
  const checkpoints = db.collection<{ _id: string } & Document>(checkpointsCollection);
  /** Keeps the highest fence seen: a fenced writer's replace matches nothing (see `fenceCheck`). */
  const saveCheckpoint = async (checkpoint: ProjectionCheckpoint) => {
    checkCheckpoint(checkpoint);
    const stored = await fenceCheck(checkpoint);
    const replacement = toCheckpointDocument({ ...checkpoint, ...(stored.fence !== undefined && { fence: Math.max(stored.fence, checkpoint.fence ?? 0) }) });
    if (!stored.exists) {
      await checkpoints.insertOne({ _id: checkpoint.projection, ...replacement }).catch(async (error: unknown) => {
        if (!(error instanceof MongoServerError && error.code === duplicateKey)) throw error;
        await saveCheckpoint(checkpoint); // another writer created it in between: check its fence
      });
      return;
    }
    const guard = checkpoint.fence === undefined ? {} : { $or: [{ fence: { $lte: checkpoint.fence } }, { fence: { $exists: false } }] };
    const replaced = await checkpoints.replaceOne({ _id: checkpoint.projection, ...guard }, replacement);
    if (replaced.matchedCount === 0) throw fenced(checkpoint.projection, checkpoint.fence ?? 0, stored.fence ?? 0);
  };
  /** Refuses a checkpoint whose fence is lower than the stored one, before any document is written. */
  const fenceCheck = async (checkpoint: ProjectionCheckpoint): Promise<{ exists: boolean; fence?: number }> => {
    const stored = await checkpoints.findOne({ _id: checkpoint.projection }, { projection: { fence: 1 } });
    const fence = typeof stored?.fence === 'number' ? stored.fence : undefined;
    if (checkpoint.fence !== undefined && fence !== undefined && fence > checkpoint.fence) throw fenced(checkpoint.projection, checkpoint.fence, fence);
    return { exists: stored !== null, ...(fence !== undefined && { fence }) };
  };
  let closed = false;

  const run = async <T>(operation: () => Promise<T>): Promise<T> => {
    if (closed) throw new UpstreamError('read_store.closed', 'The read store is closed');
    try {
      return await operation();
    } catch (error) {
      throw translateMongoError(error);
    }
  };

  return {
    getMany: (collection, ids) => run(() => documents.getMany(collection, ids)),
    find: (collection, query) => run(() => documents.find(collection, query)),
    commit: (collection, writes, checkpoint) =>
      run(async () => {
        checkCollection(collection);
        checkWrites(writes);
        checkCheckpoint(checkpoint);
        // Documents are position-guarded, so the writes of a holder fenced between this check and
        // the checkpoint's guarded replace are the same the successor writes for those positions.
        await fenceCheck(checkpoint);
        await documents.write(collection, writes);
        await saveCheckpoint(checkpoint);
      }),
    checkpoint: (projection) =>
      run(async () => {
        const stored = await checkpoints.findOne({ _id: projection });
        return stored ? fromCheckpointDocument(stored) : null;
      }),
    checkpoints: () => run(async () => (await checkpoints.find({}).sort({ _id: 1 }).toArray()).map(fromCheckpointDocument)),
    saveCheckpoint: (checkpoint) => run(() => saveCheckpoint(checkpoint)),
    deleteCheckpoint: (projection) => run(async () => void (await checkpoints.deleteOne({ _id: projection }))),
    ensureIndexes: (collection, indexes) => run(() => collections.ensureIndexes(collection, indexes)),
    dropCollection: (collection) => run(() => collections.drop(collection)),
    renameCollection: (from, to) => run(() => collections.rename(from, to)),
    listCollections: () => run(() => collections.list()),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

async function connect(options: MongoReadStoreOptions): Promise<MongoClient> {
  let client: MongoClient | undefined;
  try {
    const timeout = options.serverSelectionTimeoutMs;
    // useBigInt64: positions are int64 and come back as bigint; nothing else we store is int64.
    client = new MongoClient(options.url, { useBigInt64: true, ignoreUndefined: true, ...(timeout !== undefined && { serverSelectionTimeoutMS: timeout }) });
    await client.connect();
    return client;
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw translateMongoError(error);
  }
}

function databaseInUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}
