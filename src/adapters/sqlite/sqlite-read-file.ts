import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Why the read-model file cannot be trusted (SQLite's `quick_check` found it malformed, or it is
 * not a database at all), or null when it is sound or absent. Read models are disposable: a file
 * that fails this is set aside and rebuilt from the log.
 */
export function readModelFileProblem(path: string): string | null {
  if (!existsSync(path)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    const findings = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
    const problems = findings.map((row) => row.quick_check).filter((finding) => finding !== 'ok');
    return problems.length === 0 ? null : `malformed database (SQLITE_CORRUPT): ${problems.join('; ').replace(/\s*\n\s*/g, ' / ')}`;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    return `unreadable (${code}): ${(error as Error).message}`;
  } finally {
    db?.close();
  }
}

/**
 * Moves a damaged read-model file aside as `<path>.corrupt` (replacing an older one), with its WAL
 * and shared-memory files, so a fresh file is created in its place. Returns where it went.
 */
export function setReadModelFileAside(path: string): string {
  const aside = `${path}.corrupt`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${aside}${suffix}`, { force: true });
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
  return aside;
}
