import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isAppError, UpstreamError } from '../../core/errors';
import type { DocumentWrite, ProjectionCheckpoint, ReadStore } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { checkCheckpoint, checkCollection, checkWrites } from '../shared/read-store-names';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { SqliteDocuments } from './sqlite-documents';
import { PlannerStatistics } from './sqlite-planner-statistics';
import { SqliteCollections, table } from './sqlite-read-schema';
import { StatementCache } from './sqlite-statement-cache';
import { storeFailure } from './sqlite-faults';
import { capFileSize } from './sqlite-schema';

const sorterHelperThreads = 1;

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
  /** A size cap for the file: writes that need more are refused as on a full disk (`read_store.disk_full`). */
  readonly maxFileBytes?: number;
  /** How often, at most, a commit refreshes the planner's statistics (see `PlannerStatistics`); default a minute. */
  readonly statisticsEveryMs?: number;
}

/**
 * Opens the embedded read store: one table per collection in one SQLite file (WAL), documents as
 * JSON text with the position of the last event applied, checkpoints in `_checkpoints`. A commit
 * writes the documents and the checkpoint in one transaction. Sort fields should hold one type
 * (strings, numbers or booleans); null and missing sort first ascending, last descending.
 */
export async function openSqliteReadStore(options: SqliteReadStoreOptions): Promise<ReadStore> {
  const db = openDatabase(options);
  const statements = new StatementCache(db);
  const collections = new SqliteCollections(db, statements);
  const documents = new SqliteDocuments(statements, collections);
  const checkpoints = new SqliteCheckpoints(statements);
  const statistics = new PlannerStatistics(db, options.statisticsEveryMs);
  const commitBatch = db.transaction((collection: string, writes: readonly DocumentWrite[], checkpoint: ProjectionCheckpoint) => {
    documents.write(collection, writes);
    checkpoints.save(checkpoint);
  });
  let closed = false;

  const run = async <T>(operation: () => T): Promise<T> => {
    if (closed) throw new UpstreamError('read_store.closed', 'The read store is closed');
    try {
      return operation();
    } catch (error) {
      if (isAppError(error) || !(error instanceof Database.SqliteError)) throw error;
      throw storeFailure('read_store', 'sqlite_failed', `SQLite read store failed: ${error.message}`, error);
    }
  };

  return {
    getMany: (collection, ids) => run(() => documents.getMany(collection, ids)),
    find: (collection, query) => run(() => documents.find(collection, parseFindQuery(query))),
    commit: (collection, writes, checkpoint) =>
      run(() => {
        checkCollection(collection);
        checkWrites(writes);
        checkCheckpoint(checkpoint);
        commitBatch.immediate(collection, writes, checkpoint);
        statistics.afterCommit();
      }),
    checkpoint: (projection) => run(() => checkpoints.get(projection)),
    checkpoints: () => run(() => checkpoints.list()),
    saveCheckpoint: (checkpoint) => run(() => checkpoints.save(checkpoint)),
    deleteCheckpoint: (projection) => run(() => checkpoints.delete(projection)),
    ensureIndexes: (collection, indexes) => run(() => collections.ensureIndexes(collection, indexes)),
    dropCollection: (collection) => run(() => collections.drop(collection)),
    renameCollection: (from, to) =>
      run(() => {
        collections.rename(checkCollection(from), checkCollection(to));
        statistics.analyse(table(to), from);
      }),
    listCollections: () => run(() => collections.list()),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function openDatabase({ path, synchronous = 'NORMAL', busyTimeoutMs = 5_000, maxFileBytes }: SqliteReadStoreOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // Index builds after a rebuild sort every document: a helper thread sorts part of the keys (~10% off their time).
    db.pragma(`threads = ${sorterHelperThreads}`);
    capFileSize(db, maxFileBytes);
    return db;
  } catch (error) {
    db?.close();
    throw new UpstreamError('read_store.sqlite_failed', `Cannot open the SQLite read store at ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
}
