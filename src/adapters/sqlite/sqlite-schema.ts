import type { Database } from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';

/**
 * Migrations of the event store schema, applied in order. `PRAGMA user_version` records how many
 * have run, so a file created by an older build is brought forward on open. Never edit a shipped
 * migration: append a new one.
 */
const migrations: readonly string[] = [
  `CREATE TABLE events (
     position INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     stream TEXT NOT NULL,
     revision INTEGER NOT NULL,
     type TEXT NOT NULL,
     category TEXT NOT NULL,
     data TEXT NOT NULL,
     metadata TEXT NOT NULL,
     UNIQUE (stream, revision)
   );
   CREATE INDEX events_by_type ON events (type, position);
   CREATE INDEX events_by_category ON events (category, position);`,
  // Every event appended from here on carries a checksum of its stored fields (see `eventChecksum`);
  // rows written before stay NULL and stay readable: only their JSON can be checked.
  `ALTER TABLE events ADD COLUMN checksum TEXT;`,
];

export const schemaVersion = migrations.length;

/**
 * Caps the file at about `maxBytes` (SQLite's `max_page_count`, for this connection): a write that
 * needs more is refused with SQLITE_FULL, exactly as on a full disk. Operators use it as a quota;
 * tests use it to fill "the disk" without root.
 */
export function capFileSize(db: Database, maxBytes: number | undefined): void {
  if (maxBytes === undefined) return;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
}

/** Connection settings of the event store, shared with the raw-driver benchmark baseline. */
export function configureConnection(db: Database, synchronous: 'NORMAL' | 'FULL', busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  // Random event ids scatter unique-index writes over many pages: a larger cache and rarer
  // checkpoints keep hot pages in memory and copy each page back to the file less often.
  db.pragma('cache_size = -65536');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
}

/**
 * Brings the schema to `schemaVersion`; refuses a file written by a newer build. The version is
 * read inside the write transaction so two processes opening a new file do not both migrate it.
 */
export function migrate(db: Database): void {
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  if (readVersion() === schemaVersion) return;
  db.transaction(() => {
    const current = readVersion();
    if (current > schemaVersion) {
      throw new UpstreamError(
        'event_store.schema_too_new',
        `Event store schema is at version ${current}, this build knows up to ${schemaVersion}`,
        { current, known: schemaVersion },
      );
    }
    for (const migration of migrations.slice(current)) db.exec(migration);
    db.pragma(`user_version = ${schemaVersion}`);
  }).immediate();
}
