import { ValidationError } from '../../core/errors';
import type { ProjectionCheckpoint, ProjectionFailure } from '../../core/read-store.port';
import { checkCheckpoint, fenced } from '../shared/read-store-names';
import { checkpointsTable } from './sqlite-read-schema';
import type { StatementCache } from './sqlite-statement-cache';

interface CheckpointRow {
  projection: string;
  version: bigint;
  collection: string;
  position: bigint | null;
  failure: string | null;
  updated_at: string;
  fence: bigint | null;
}

const columns = 'projection, version, collection, position, failure, updated_at, fence';
const upsertSql = `INSERT INTO ${checkpointsTable} (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(projection) DO UPDATE SET version = excluded.version, collection = excluded.collection,
  position = excluded.position, failure = excluded.failure, updated_at = excluded.updated_at,
  fence = max(coalesce(excluded.fence, 0), coalesce(fence, 0))`;

/** Checkpoint rows of `_checkpoints`; callers provide the transaction when one is needed. */
export class SqliteCheckpoints {
  constructor(private readonly statements: StatementCache) {}

  get(projection: string): ProjectionCheckpoint | null {
    const row = this.select(`SELECT ${columns} FROM ${checkpointsTable} WHERE projection = ?`).get(projection) as CheckpointRow | undefined;
    return row ? fromRow(row) : null;
  }

  list(): ProjectionCheckpoint[] {
    const rows = this.select(`SELECT ${columns} FROM ${checkpointsTable} ORDER BY projection`).all() as CheckpointRow[];
    return rows.map(fromRow);
  }

  /** Callers run it in a transaction with the documents, so a fenced commit writes nothing. */
  save(checkpoint: ProjectionCheckpoint): void {
    checkCheckpoint(checkpoint);
    const { projection, version, collection, position, updatedAt, fence } = checkpoint;
    if (fence !== undefined) {
      const stored = this.select(`SELECT fence FROM ${checkpointsTable} WHERE projection = ?`).pluck().get(projection) as bigint | null | undefined;
      if (stored != null && stored > BigInt(fence)) throw fenced(projection, fence, stored);
    }
    this.statements.get(upsertSql).run(projection, version, collection, position, failureJson(checkpoint), updatedAt, fence ?? null);
  }

  delete(projection: string): void {
    this.statements.get(`DELETE FROM ${checkpointsTable} WHERE projection = ?`).run(projection);
  }

  private select(sql: string) {
    return this.statements.get(sql).safeIntegers(true);
  }
}

function failureJson(checkpoint: ProjectionCheckpoint): string | null {
  if (checkpoint.failure === null) return null;
  try {
    return JSON.stringify(checkpoint.failure);
  } catch (error) {
    throw new ValidationError('read_store.invalid_checkpoint', `Checkpoint ${checkpoint.projection}: failure is not JSON`, {}, { cause: error });
  }
}

function fromRow(row: CheckpointRow): ProjectionCheckpoint {
  return {
    projection: row.projection,
    version: Number(row.version),
    collection: row.collection,
    position: row.position,
    failure: row.failure === null ? null : (JSON.parse(row.failure) as ProjectionFailure),
    updatedAt: row.updated_at,
    ...(row.fence !== null && row.fence > 0n && { fence: Number(row.fence) }),
  };
}
