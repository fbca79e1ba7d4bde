import { ValidationError } from '../../core/errors';
import type { ProjectionCheckpoint, ProjectionFailure } from '../../core/read-store.port';
import { checkCheckpoint } from '../shared/read-store-names';
import { checkpointsTable } from './sqlite-read-schema';
import type { StatementCache } from './sqlite-statement-cache';

interface CheckpointRow {
  projection: string;
  version: bigint;
  collection: string;
  position: bigint | null;
  failure: string | null;
  updated_at: string;
}

const columns = 'projection, version, collection, position, failure, updated_at';
const upsertSql = `INSERT INTO ${checkpointsTable} (${columns}) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT(projection) DO UPDATE SET version = excluded.version, collection = excluded.collection,
  position = excluded.position, failure = excluded.failure, updated_at = excluded.updated_at`;

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

  save(checkpoint: ProjectionCheckpoint): void {
    checkCheckpoint(checkpoint);
    const { projection, version, collection, position, updatedAt } = checkpoint;
    this.statements.get(upsertSql).run(projection, version, collection, position, failureJson(checkpoint), updatedAt);
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
  };
}
