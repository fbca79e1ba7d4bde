import type { Db } from 'mongodb';
import type { DocumentWrite, FindQuery, FindResult, ReadDocument, VersionedDocument } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { encodeCursor } from '../shared/read-store-cursor';
import { checkCollection } from '../shared/read-store-names';
import { liveOnly, mongoFind, sortValues } from './mongodb-document-filter';
import { fromStored, guardedWrites, isOnlyStaleWrites, type StoredDocument } from './mongodb-document-writes';

/** Reads and guarded writes of documents in one database. */
export class MongoDocuments {
  constructor(private readonly db: Db) {}

  async getMany<D extends ReadDocument>(collection: string, ids: readonly string[]): Promise<Map<string, VersionedDocument<D>>> {
    const found = new Map<string, VersionedDocument<D>>();
    if (ids.length === 0) return found;
    const stored = await this.collection(collection).find({ $and: [{ _id: { $in: [...ids] } }, liveOnly] }).toArray();
    for (const row of stored) found.set(row._id, fromStored<D>(row));
    return found;
  }

  /** Fetches `limit + 1` documents so that a full page knows whether another follows. */
  async find<D extends ReadDocument>(collection: string, query: FindQuery = {}): Promise<FindResult<D>> {
    const parsed = parseFindQuery(query);
    const { filter, sort, fetch } = mongoFind(parsed);
    const cursor = this.collection(collection).find(filter, { projection: { _position: 0 }, sort, allowDiskUse: true });
    const rows = (await (fetch === null ? cursor : cursor.limit(fetch)).toArray()) as unknown as D[];
    const hasMore = parsed.limit !== null && rows.length > parsed.limit;
    const page = hasMore ? rows.slice(0, parsed.limit!) : rows;
    const cursors = page.map((document) => encodeCursor(parsed.sort, sortValues(document, parsed.sort)));
    return { documents: page, nextCursor: hasMore ? cursors[cursors.length - 1] ?? null : null, cursors };
  }

  /** Unordered, so one stale write (E11000, see `guardedWrites`) does not stop the others. */
  async write(collection: string, writes: readonly DocumentWrite[]): Promise<void> {
    if (writes.length === 0) return;
    try {
      await this.collection(collection).bulkWrite(guardedWrites(writes), { ordered: false });
    } catch (error) {
      if (!isOnlyStaleWrites(error)) throw error;
    }
  }

  private collection(name: string) {
    return this.db.collection<StoredDocument>(checkCollection(name));
  }
}
