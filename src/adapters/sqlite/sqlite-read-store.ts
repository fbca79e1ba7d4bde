import Database from 'better-sqlite3';
import { isAppError, UpstreamError } from '../../core/errors';
import type { ReadStore } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { checkCheckpoint, checkCollection, checkWrites } from '../shared/read-store-names';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { documentRows, SqliteDocuments } from './sqlite-documents';
import { openReadDatabase } from './sqlite-read-database';
import { SqliteCollections } from './sqlite-read-schema';
import { type ReadStoreWrite, readStoreWriter } from './sqlite-read-writes';
import { openWriterConnection } from './sqlite-read-writer';
import { StatementCache } from './sqlite-statement-cache';

/**
 * The writer fills hundreds of megabytes during a rebuild and then indexes them: its page cache
 * keeps the pages being filled and sorted in memory. Readers keep SQLite's default.
 */
const writerCacheKib = 64 * 1024;

export interface SqliteReadStoreOptions {
  /**
   * File of the read models (its directory is created), or `':memory:'` for tests. Give the read
   * models a file of their own: every table in it, other than `_checkpoints`, is a collection.
   */
  readonly path: string;
  /**
   * `NORMAL` (default): in WAL mode a commit survives a killed process; on power loss the last
   * batches may be lost, documents and checkpoint together, and are replayed from the event store.
   * `FULL` also survives power loss, at the cost of an fsync per batch.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** How long a write waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens the embedded read store: one table per collection in one SQLite file (WAL), documents as
 * JSON text with the position of the last event applied, checkpoints in `_checkpoints`. A commit
 * writes the documents and the checkpoint in one transaction. Sort fields should hold one type
 * (strings, numbers or booleans); null and missing sort first ascending, last descending.
 *
 * A file's writes run on a writer thread of their own (reads stay on this one: WAL readers never
 * wait for the writer), so folding events, answering queries and committing use two cores. A
 * `:memory:` database lives in one connection, so there everything runs on this thread.
 */
export async function openSqliteReadStore(options: SqliteReadStoreOptions): Promise<ReadStore> {
  const db = openReadDatabase(options);
  const statements = new StatementCache(db);
  const collections = new SqliteCollections(db, statements);
  const documents = new SqliteDocuments(statements, collections);
  const checkpoints = new SqliteCheckpoints(statements);
  const thread = options.path === ':memory:' ? null : await openWriterConnection({ ...options, cacheKib: writerCacheKib }).catch((error: unknown) => {
    db.close();
    throw error;
  });
  const writeHere = thread === null ? readStoreWriter(db) : null;
  let closed = false;

  const run = async <T>(operation: () => T | Promise<T>): Promise<T> => {
    if (closed) throw new UpstreamError('read_store.closed', 'The read store is closed');
    try {
      return await operation();
    } catch (error) {
      if (isAppError(error) || !(error instanceof Database.SqliteError)) throw error;
      throw new UpstreamError('read_store.sqlite_failed', `SQLite read store failed: ${error.message}`, { sqliteCode: error.code }, { cause: error });
    }
  };
  const write = (change: ReadStoreWrite) => (thread ? thread.apply(change) : writeHere!(change));
  /** After a table was dropped or renamed, statements prepared on it are forgotten. */
  const changeSchema = async (change: ReadStoreWrite) => {
    await write(change);
    statements.clear();
  };

  return {
    getMany: (collection, ids) => run(() => documents.getMany(collection, ids)),
    find: (collection, query) => run(() => documents.find(collection, parseFindQuery(query))),
    commit: (collection, writes, checkpoint) =>
      run(() => {
        checkCollection(collection);
        checkWrites(writes);
        checkCheckpoint(checkpoint);
        return write({ op: 'commit', collection, rows: documentRows(writes), checkpoint });
      }),
    checkpoint: (projection) => run(() => checkpoints.get(projection)),
    checkpoints: () => run(() => checkpoints.list()),
    saveCheckpoint: (checkpoint) => run(() => (checkCheckpoint(checkpoint), write({ op: 'saveCheckpoint', checkpoint }))),
    deleteCheckpoint: (projection) => run(() => write({ op: 'deleteCheckpoint', projection })),
    ensureIndexes: (collection, indexes) => run(() => write({ op: 'ensureIndexes', collection, indexes })),
    dropCollection: (collection) => run(() => changeSchema({ op: 'drop', collection })),
    renameCollection: (from, to) => run(() => changeSchema({ op: 'rename', from: checkCollection(from), to: checkCollection(to) })),
    listCollections: () => run(() => collections.list()),
    async close() {
      if (closed) return;
      closed = true;
      await thread?.close();
      db.close();
    },
  };
}
