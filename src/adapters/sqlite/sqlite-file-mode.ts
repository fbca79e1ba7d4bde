import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { logger } from '../../logging/logger';

/** The data directory: its owner only (rwx------). */
export const dataDirMode = 0o700;
/** Database files and their -wal and -shm companions: their owner only (rw-------). */
export const dataFileMode = 0o600;

/** chmod, or a warning when this user may not change the mode (a directory it does not own). */
function narrow(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EACCES') throw error;
    logger.warn({ component: 'store', path, mode: mode.toString(8), code }, `cannot make ${path} owner-only (${code}); check its owner and mode`);
  }
}

/**
 * Makes a database file owner-only before SQLite opens it. SQLite creates the `-wal` and `-shm`
 * files with the mode of the database file, so they follow; files left by an older build (with the
 * umask's mode) are narrowed here too. The directory becomes owner-only as well.
 */
export function ownerOnlyDatabaseFile(path: string): void {
  if (path === ':memory:') return;
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true, mode: dataDirMode });
  narrow(directory, dataDirMode);
  if (!existsSync(path)) closeSync(openSync(path, 'a', dataFileMode));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) narrow(file, dataFileMode);
}
