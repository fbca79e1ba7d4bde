import type { Database } from 'better-sqlite3';
import { type AppError, type AppErrorKind, isAppError, NotFoundError, UpstreamError, ValidationError } from '../../core/errors';
import type { IndexSpec, ProjectionCheckpoint } from '../../core/read-store.port';
import { SqliteCheckpoints } from './sqlite-checkpoints';
import { type DocumentRow, SqliteDocuments } from './sqlite-documents';
import { SqliteCollections } from './sqlite-read-schema';
import { StatementCache } from './sqlite-statement-cache';

/** Every change to the read store, as data: it may be applied on this thread or on the writer thread. */
export type ReadStoreWrite =
  | { readonly op: 'commit'; readonly collection: string; readonly rows: readonly DocumentRow[]; readonly checkpoint: ProjectionCheckpoint }
  | { readonly op: 'saveCheckpoint'; readonly checkpoint: ProjectionCheckpoint }
  | { readonly op: 'deleteCheckpoint'; readonly projection: string }
  | { readonly op: 'ensureIndexes'; readonly collection: string; readonly indexes: readonly IndexSpec[] }
  | { readonly op: 'drop'; readonly collection: string }
  | { readonly op: 'rename'; readonly from: string; readonly to: string };

/** Applies writes to one connection; a commit stores its documents and checkpoint in one transaction. */
export function readStoreWriter(db: Database): (write: ReadStoreWrite) => void {
  const statements = new StatementCache(db);
  const collections = new SqliteCollections(db, statements);
  const documents = new SqliteDocuments(statements, collections);
  const checkpoints = new SqliteCheckpoints(statements);
  const commit = db.transaction((collection: string, rows: readonly DocumentRow[], checkpoint: ProjectionCheckpoint) => {
    documents.writeRows(collection, rows);
    checkpoints.save(checkpoint);
  });
  return (write) => {
    switch (write.op) {
      case 'commit':
        return commit.immediate(write.collection, write.rows, write.checkpoint);
      case 'saveCheckpoint':
        return checkpoints.save(write.checkpoint);
      case 'deleteCheckpoint':
        return checkpoints.delete(write.projection);
      case 'ensureIndexes':
        return collections.ensureIndexes(write.collection, write.indexes);
      case 'drop':
        return collections.drop(write.collection);
      case 'rename':
        return collections.rename(write.from, write.to);
    }
  };
}

/** An error as it crosses from the writer thread: application errors keep their class and code. */
export type TransferredError = { readonly kind: AppErrorKind | 'sqlite' | 'other'; readonly code: string; readonly message: string; readonly details: Record<string, unknown> };

export function transferError(error: unknown): TransferredError {
  if (isAppError(error)) return { kind: error.kind, code: error.code, message: error.message, details: error.details };
  const { name, message, code } = error as { name?: string; message?: string; code?: string };
  return { kind: name === 'SqliteError' ? 'sqlite' : 'other', code: code ?? 'unknown', message: message ?? String(error), details: {} };
}

export function receivedError({ kind, code, message, details }: TransferredError): AppError {
  if (kind === 'validation') return new ValidationError(code, message, details);
  if (kind === 'not_found') return new NotFoundError(code, message, details);
  if (kind === 'sqlite') return new UpstreamError('read_store.sqlite_failed', `SQLite read store failed: ${message}`, { sqliteCode: code });
  if (kind === 'other') return new UpstreamError('read_store.writer_failed', `The read store writer failed: ${message}`);
  return new UpstreamError(code, message, details);
}
