import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** The data directory: its owner only (rwx------). */
export const dataDirMode = 0o700;
/** Database files and their -wal and -shm companions: their owner only (rw-------). */
export const dataFileMode = 0o600;

/**
 * Makes a database file owner-only before SQLite opens it. SQLite creates the `-wal` and `-shm`
 * files with the mode of the database file, so they follow; files left by an older build (with the
 * umask's mode) are narrowed here too. The directory becomes owner-only as well.
 */
export function ownerOnlyDatabaseFile(path: string): void {
  if (path === ':memory:') return;
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true, mode: dataDirMode });
  chmodSync(directory, dataDirMode);
  if (!existsSync(path)) closeSync(openSync(path, 'a', dataFileMode));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, dataFileMode);
}
