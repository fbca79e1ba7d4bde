import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';
import type { LeaseGrant, LeaseStore, LeaseStoreOptions } from '../../core/lease.port';
import { systemClock } from '../../core/time';

export interface SqliteLeaseStoreOptions extends LeaseStoreOptions {
  /** A file every process of the host opens (default `DATA_DIR/leases.sqlite`). */
  readonly path: string;
}

interface LeaseRow {
  name: string;
  holder: string;
  token: number;
  expires_at: number;
}

/**
 * Leases in a small SQLite file shared by the processes of one host: each acquisition is one
 * IMMEDIATE transaction (SQLite's write lock serialises the processes), so two cannot both see a
 * lease free. The clock is the host's, the same for every process.
 */
export async function openSqliteLeaseStore(options: SqliteLeaseStoreOptions): Promise<LeaseStore> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.path);
  const select = db.prepare('SELECT name, holder, token, expires_at FROM leases WHERE name = ?');
  const insert = db.prepare('INSERT INTO leases (name, holder, token, expires_at) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE leases SET holder = ?, token = ?, expires_at = ? WHERE name = ?');
  const expire = db.prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ? AND token = ?');
  const acquire = db.transaction((name: string, holder: string, ttlMs: number): LeaseGrant | null => {
    const now = clock().getTime();
    const row = select.get(name) as LeaseRow | undefined;
    const expiresAt = now + ttlMs;
    if (!row) {
      insert.run(name, holder, 1, expiresAt);
      return { name, holder, token: 1, expiresAt };
    }
    if (row.holder !== holder && row.expires_at >= now) return null;
    const token = row.holder === holder ? row.token : row.token + 1;
    update.run(holder, token, expiresAt, name);
    return { name, holder, token, expiresAt };
  });
  const run = <T>(operation: () => T): Promise<T> => {
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(new UpstreamError('lease.sqlite_failed', `SQLite lease store failed: ${(error as Error).message}`, {}, { cause: error }));
    }
  };
  return {
    tryAcquire: (name, holder, ttlMs) => run(() => acquire.immediate(name, holder, ttlMs)),
    // Expired just before now, so the next asker takes it over (with a higher token).
    release: (grant) => run(() => void expire.run(clock().getTime() - 1, grant.name, grant.holder, grant.token)),
    list: () => run(() => (db.prepare('SELECT name, holder, token, expires_at FROM leases ORDER BY name').all() as LeaseRow[]).map(fromRow)),
    close: async () => void db.close(),
  };
}

function fromRow(row: LeaseRow): LeaseGrant {
  return { name: row.name, holder: row.holder, token: Number(row.token), expiresAt: Number(row.expires_at) };
}

function openDatabase(path: string): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, token INTEGER NOT NULL, expires_at INTEGER NOT NULL)');
    return db;
  } catch (error) {
    throw new UpstreamError('lease.sqlite_failed', `Cannot open the SQLite lease store at ${path}: ${(error as Error).message}`, { path }, { cause: error });
  }
}
