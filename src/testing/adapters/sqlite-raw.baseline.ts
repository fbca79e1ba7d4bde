import Database from 'better-sqlite3';
import { configureConnection, migrate } from '../../adapters/sqlite/sqlite-schema';

/** A row as the event store writes it, for the raw driver baselines of the benchmarks. */
export interface BaselineRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly category: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Raw better-sqlite3 at its best: the same table, indexes and connection settings, rows already
 * serialised, one prepared statement, no checks, `rowsPerTransaction` rows per commit (all of
 * them in one transaction by default). Returns rows per second.
 */
export function rawInsertRate(
  path: string,
  rows: readonly BaselineRow[],
  synchronous: 'NORMAL' | 'FULL',
  rowsPerTransaction: number = rows.length,
): number {
  const db = openBaselineDatabase(path, synchronous);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, category, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSlice = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const row = rows[index]!;
      insert.run(row.id, row.stream, row.revision, row.type, row.category, row.data, row.metadata);
    }
  });
  const started = performance.now();
  for (let from = 0; from < rows.length; from += rowsPerTransaction) insertSlice.immediate(from, Math.min(rows.length, from + rowsPerTransaction));
  const seconds = (performance.now() - started) / 1_000;
  db.close();
  return rows.length / seconds;
}

/** Raw read of every event in position order, as arrays, parsing data and metadata. Returns rows per second. */
export function rawReadRate(path: string): { rate: number; rows: number } {
  const db = openBaselineDatabase(path, 'FULL');
  const select = db
    .prepare<[], [number, string, string, number, string, string, string]>(
      'SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position',
    )
    .raw(true);
  let rows = 0;
  const started = performance.now();
  for (const row of select.iterate()) {
    if (JSON.parse(row[5]) !== null && JSON.parse(row[6]) !== null) rows++;
  }
  const seconds = (performance.now() - started) / 1_000;
  db.close();
  return { rate: rows / seconds, rows };
}

function openBaselineDatabase(path: string, synchronous: 'NORMAL' | 'FULL'): Database.Database {
  const db = new Database(path);
  configureConnection(db, synchronous, 5_000);
  migrate(db);
  return db;
}
