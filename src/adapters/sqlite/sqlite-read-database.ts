import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';

export interface ReadDatabaseOptions {
  readonly path: string;
  readonly synchronous?: 'NORMAL' | 'FULL';
  readonly busyTimeoutMs?: number;
  /** Page cache of the connection in KiB; SQLite's default (2 MiB) when not given. */
  readonly cacheKib?: number;
}

/** One connection to the read models' file (WAL, so readers never wait for the writer). */
export function openReadDatabase({ path, synchronous = 'NORMAL', busyTimeoutMs = 5_000, cacheKib }: ReadDatabaseOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (cacheKib !== undefined) db.pragma(`cache_size = -${Math.max(0, Math.floor(cacheKib))}`);
    return db;
  } catch (error) {
    db?.close();
    throw new UpstreamError('read_store.sqlite_failed', `Cannot open the SQLite read store at ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
}
