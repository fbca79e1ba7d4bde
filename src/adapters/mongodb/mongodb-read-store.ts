import { type Db, type Document, MongoClient, MongoServerError } from 'mongodb';
import { NotFoundError, UpstreamError } from '../../core/errors';
import type { IndexSpec, ReadDocument, ReadStore, VersionedDocument } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { encodeCursor } from '../shared/read-store-cursor';
import { checkCheckpoint, checkCollection, checkIndexSpec, checkWrites } from '../shared/read-store-names';
import { checkpointsCollection, fromCheckpointDocument, toCheckpointDocument } from './mongodb-checkpoints';
import { liveOnly, mongoFind, sortValues } from './mongodb-document-filter';
import { fromStored, guardedWrites, isOnlyStaleWrites, type StoredDocument } from './mongodb-document-writes';
import { translateMongoError, translateRenameError } from './mongodb-errors';

export interface MongoReadStoreOptions {
  /** `mongodb://` or `mongodb+srv://` connection string. */
  readonly url: string;
  /** Database of the read models; defaults to the one named in the URL, else `zixly_ops`. */
  readonly database?: string;
  /** How long to wait for a reachable server before failing with `read_store.unavailable`. */
  readonly serverSelectionTimeoutMs?: number;
}

const indexOptionsConflict = 85;
const indexKeySpecsConflict = 86;

/**
 * Opens the MongoDB read store: documents as `{ _id, _position, ...fields }`, written by guarded
 * unordered bulk upserts, then the checkpoint in `_checkpoints` (a crash in between replays a batch
 * whose writes the guard then skips). Deletes are tombstones `{ _id, _position, _deleted: true }`,
 * hidden from reads. Driver failures surface as `UpstreamError`.
 */
export async function openMongoReadStore(options: MongoReadStoreOptions): Promise<ReadStore> {
  const client = await connect(options);
  const db = client.db(options.database ?? databaseInUrl(options.url) ?? 'zixly_ops');
  const checkpoints = db.collection<{ _id: string } & Document>(checkpointsCollection);
  const documents = (collection: string) => db.collection<StoredDocument>(checkCollection(collection));
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
    getMany: <D extends ReadDocument>(collection: string, ids: readonly string[]) =>
      run(async () => {
        const found = new Map<string, VersionedDocument<D>>();
        if (ids.length === 0) return found;
        const stored = await documents(collection).find({ $and: [{ _id: { $in: [...ids] } }, liveOnly] }).toArray();
        for (const row of stored) found.set(String(row._id), fromStored<D>(row));
        return found;
      }),
    find: <D extends ReadDocument>(collection: string, query = {}) =>
      run(async () => {
        const parsed = parseFindQuery(query);
        const { filter, sort, fetch } = mongoFind(parsed);
        const cursor = documents(collection).find(filter, { projection: { _position: 0 }, sort, allowDiskUse: true });
        const rows = (await (fetch === null ? cursor : cursor.limit(fetch)).toArray()) as unknown as D[];
        const hasMore = parsed.limit !== null && rows.length > parsed.limit;
        const page = hasMore ? rows.slice(0, parsed.limit!) : rows;
        return { documents: page, nextCursor: hasMore ? encodeCursor(parsed.sort, sortValues(page[page.length - 1]!, parsed.sort)) : null };
      }),
    commit: (collection, writes, checkpoint) =>
      run(async () => {
        checkCollection(collection);
        checkWrites(writes);
        checkCheckpoint(checkpoint);
        if (writes.length > 0) {
          await documents(collection)
            .bulkWrite(guardedWrites(writes), { ordered: false })
            .catch((error: unknown) => {
              if (!isOnlyStaleWrites(error)) throw error;
            });
        }
        await checkpoints.replaceOne({ _id: checkpoint.projection }, toCheckpointDocument(checkpoint), { upsert: true });
      }),
    checkpoint: (projection) =>
      run(async () => {
        const stored = await checkpoints.findOne({ _id: projection });
        return stored ? fromCheckpointDocument(stored) : null;
      }),
    checkpoints: () => run(async () => (await checkpoints.find({}).sort({ _id: 1 }).toArray()).map(fromCheckpointDocument)),
    saveCheckpoint: (checkpoint) =>
      run(async () => {
        checkCheckpoint(checkpoint);
        await checkpoints.replaceOne({ _id: checkpoint.projection }, toCheckpointDocument(checkpoint), { upsert: true });
      }),
    deleteCheckpoint: (projection) => run(async () => void (await checkpoints.deleteOne({ _id: projection }))),
    ensureIndexes: (collection, indexes) => run(() => ensureIndexes(db, checkCollection(collection), indexes)),
    dropCollection: (collection) => run(async () => void (await documents(collection).drop())),
    renameCollection: (from, to) => run(() => rename(db, checkCollection(from), checkCollection(to))),
    listCollections: () =>
      run(async () => {
        const infos = await db.listCollections({}, { nameOnly: true }).toArray();
        return infos.map((info) => info.name).filter((name) => name !== checkpointsCollection && !name.startsWith('system.')).sort();
      }),
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
    client = new MongoClient(options.url, { useBigInt64: true, ignoreUndefined: true, ...(timeout !== undefined && { serverSelectionTimeoutMS: timeout }) });
    await client.connect();
    return client;
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw translateMongoError(error);
  }
}

/** Creates missing indexes; one of the same name with other fields is replaced. */
async function ensureIndexes(db: Db, collection: string, specs: readonly IndexSpec[]): Promise<void> {
  specs.forEach(checkIndexSpec);
  const target = db.collection(collection);
  for (const spec of specs) {
    const keys = Object.fromEntries(spec.fields.map((field) => [field, 1 as const]));
    try {
      await target.createIndex(keys, { name: spec.name });
    } catch (error) {
      // 85: the same fields are already indexed under another name, which serves as well.
      if (error instanceof MongoServerError && error.code === indexOptionsConflict) continue;
      if (!(error instanceof MongoServerError && error.code === indexKeySpecsConflict)) throw error;
      await target.dropIndex(spec.name);
      await target.createIndex(keys, { name: spec.name });
    }
  }
}

async function rename(db: Db, from: string, to: string): Promise<void> {
  if (from === to) {
    if (!(await db.listCollections({ name: from }, { nameOnly: true }).hasNext())) {
      throw new NotFoundError('read_store.collection_not_found', `Collection ${from} does not exist`, { collection: from });
    }
    return;
  }
  await db.renameCollection(from, to, { dropTarget: true }).catch((error: unknown) => {
    throw translateRenameError(error, from);
  });
}

function databaseInUrl(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}
