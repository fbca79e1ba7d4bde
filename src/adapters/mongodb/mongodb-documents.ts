import type { Db } from 'mongodb';
import type { DocumentWrite, FindQuery, FindResult, ReadDocument, VersionedDocument } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { encodeCursor, pageWithCursors } from '../shared/read-store-cursor';
import { checkCollection } from '../shared/read-store-names';
import { liveOnly, mongoFind, sortValues } from './mongodb-document-filter';
import { decodeNested, duplicateInserts, fromStored, planWrites, type StoredDocument, toBigInt } from './mongodb-document-writes';

/**
 * Update statements per `update` command: FerretDB 1.24 keeps each statement's SQLite connection
 * until the command ends and has 100, so a longer command waits for itself forever.
 */
const replacesPerCommand = 50;
const insertRaces = 3;

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
    const rows = (await (fetch === null ? cursor : cursor.limit(fetch)).toArray()).map((row) => decodeNested(row)) as D[];
    const hasMore = parsed.limit !== null && rows.length > parsed.limit;
    const page = hasMore ? rows.slice(0, parsed.limit!) : rows;
    // As the SQLite adapter answers for a collection never written: no cursors without documents.
    if (page.length === 0) return { documents: page, nextCursor: null };
    return pageWithCursors(page, hasMore, (at) => encodeCursor(parsed.sort, sortValues(page[at]!, parsed.sort)));
  }

  /**
   * Plans the batch against the stored positions (see `planWrites`), inserts the new documents in
   * one unordered command and replaces the older ones in guarded commands. A document another
   * writer inserted in between is planned again, now as a guarded replace.
   */
  async write(collection: string, writes: readonly DocumentWrite[]): Promise<void> {
    let pending = writes;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const plan = planWrites(pending, await this.storedPositions(collection, pending));
      for (let start = 0; start < plan.replaces.length; start += replacesPerCommand) {
        await this.collection(collection).bulkWrite(plan.replaces.slice(start, start + replacesPerCommand), { ordered: false });
      }
      pending = await this.insert(collection, plan.inserts, writes, attempt);
    }
  }

  /** Returns the writes to plan again: those of ids that another writer inserted first. */
  private async insert(collection: string, inserts: StoredDocument[], writes: readonly DocumentWrite[], attempt: number): Promise<readonly DocumentWrite[]> {
    if (inserts.length === 0) return [];
    try {
      await this.collection(collection).insertMany(inserts, { ordered: false });
      return [];
    } catch (error) {
      const raced = new Set(duplicateInserts(error, inserts) ?? []);
      if (raced.size === 0 || attempt + 1 >= insertRaces) throw error;
      return writes.filter((write) => raced.has(write.id));
    }
  }

  private async storedPositions(collection: string, writes: readonly DocumentWrite[]): Promise<Map<string, bigint>> {
    const ids = [...new Set(writes.map((write) => write.id))];
    const stored = await this.collection(collection).find({ _id: { $in: ids } }, { projection: { _position: 1 } }).toArray();
    return new Map(stored.map((row) => [row._id, toBigInt(row._position)]));
  }

  private collection(name: string) {
    return this.db.collection<StoredDocument>(checkCollection(name));
  }
}
