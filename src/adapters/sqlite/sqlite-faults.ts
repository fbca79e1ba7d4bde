import Database from 'better-sqlite3';
import { UpstreamError } from '../../core/errors';

/** What a SQLite failure means for an operator, by its result code. */
const causes: ReadonlyArray<readonly [prefix: string, cause: string, text: string]> = [
  ['SQLITE_FULL', 'disk_full', 'the disk is full (SQLITE_FULL)'],
  ['SQLITE_CORRUPT', 'corrupt', 'the database file is malformed (SQLITE_CORRUPT)'],
  ['SQLITE_NOTADB', 'corrupt', 'the file is not a database (SQLITE_NOTADB)'],
  ['SQLITE_IOERR', 'io_error', 'the disk failed a read or write (SQLITE_IOERR)'],
  ['SQLITE_READONLY', 'read_only', 'the file cannot be written (SQLITE_READONLY)'],
  ['SQLITE_CANTOPEN', 'cannot_open', 'the file cannot be opened (SQLITE_CANTOPEN)'],
];

/** `disk_full`, `corrupt`, … for a SQLite error that is about the file or the disk; null otherwise. */
export function sqliteFaultOf(error: unknown): { cause: string; text: string; sqliteCode: string } | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const match = causes.find(([prefix]) => error.code.startsWith(prefix));
  return match ? { cause: match[1], text: match[2], sqliteCode: error.code } : null;
}

/**
 * A store failure as the edge shows it (503, `SERVICE_UNAVAILABLE`) with the cause in its code:
 * `<store>.disk_full`, `<store>.corrupt`, … or `<store>.<fallback>` for any other failure.
 */
export function storeFailure(store: 'event_store' | 'read_store', fallback: string, message: string, cause: unknown): UpstreamError {
  const fault = sqliteFaultOf(cause);
  if (fault === null) return new UpstreamError(`${store}.${fallback}`, message, {}, { cause });
  return new UpstreamError(`${store}.${fault.cause}`, `${message}: ${fault.text}`, { sqliteCode: fault.sqliteCode }, { cause });
}
