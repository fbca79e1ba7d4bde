import { FencedError, ValidationError } from '../../core/errors';
import type { DocumentWrite, IndexSpec, ProjectionCheckpoint } from '../../core/read-store.port';

const collectionPattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const fieldPathPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const maxInt64 = 2n ** 63n - 1n;

/**
 * Fields the MongoDB adapter keeps beside each document (last position applied, tombstone flag).
 * Both adapters refuse them in documents and paths, so a projection behaves the same on either.
 */
export const reservedFields: ReadonlySet<string> = new Set(['_position', '_deleted']);

/**
 * A collection name is an identifier: it becomes a table name (SQLite) or a collection name
 * (MongoDB), so only letters, digits and underscores, starting with a letter. The leading letter
 * keeps `_checkpoints` and `sqlite_*` out of reach. SQLite compares table names without case, so
 * names differing only in case are one collection there.
 */
export function checkCollection(name: unknown): string {
  if (typeof name === 'string' && collectionPattern.test(name) && !name.toLowerCase().startsWith('sqlite_')) return name;
  throw new ValidationError(
    'read_store.invalid_collection',
    `Collection name must be 1-64 letters, digits or underscores starting with a letter, got ${describe(name)}`,
    { collection: String(name) },
  );
}

/**
 * A field path is `_id` or dot-separated identifiers (`client.name`). It is written into SQL and
 * index definitions, so nothing else is accepted: no `$` operators, no quotes, no array indexes.
 */
export function checkFieldPath(path: unknown): string {
  if (typeof path === 'string' && path.length <= 200 && fieldPathPattern.test(path) && !reservedFields.has(path.split('.')[0]!)) return path;
  throw new ValidationError(
    'read_store.invalid_field_path',
    `Field path must be _id or dot-separated identifiers such as client.name, got ${describe(path)}`,
    { path: String(path) },
  );
}

export function checkIndexSpec(spec: IndexSpec): IndexSpec {
  if (typeof spec?.name !== 'string' || !collectionPattern.test(spec.name)) {
    throw new ValidationError('read_store.invalid_index', `Index name must be letters, digits or underscores starting with a letter, got ${describe(spec?.name)}`);
  }
  if (!Array.isArray(spec.fields) || spec.fields.length === 0) {
    throw new ValidationError('read_store.invalid_index', `Index ${spec.name} needs at least one field`);
  }
  spec.fields.forEach(checkFieldPath);
  return spec;
}

/** Rejects malformed writes before anything is written, so a batch is never half-validated. */
export function checkWrites(writes: readonly DocumentWrite[]): void {
  for (const write of writes) {
    if (typeof write.id !== 'string' || write.id.length === 0) throw invalidWrite(write, 'id must be a non-empty string');
    checkPosition(write.position, () => invalidWrite(write, 'position must be a bigint from 0 to 2^63-1'));
    if (write.document === null) continue;
    if (typeof write.document !== 'object' || Array.isArray(write.document)) throw invalidWrite(write, 'document must be an object or null');
    if (write.document._id !== write.id) throw invalidWrite(write, `document._id must equal the write's id`);
    for (const field of reservedFields) {
      if (field in write.document) throw invalidWrite(write, `${field} is reserved for the read store`);
    }
  }
}

export function checkCheckpoint(checkpoint: ProjectionCheckpoint): void {
  const fail = (reason: string) => new ValidationError('read_store.invalid_checkpoint', `Checkpoint ${describe(checkpoint?.projection)}: ${reason}`);
  if (typeof checkpoint?.projection !== 'string' || checkpoint.projection.length === 0) throw fail('projection must be a non-empty string');
  if (!Number.isSafeInteger(checkpoint.version)) throw fail('version must be an integer');
  if (typeof checkpoint.collection !== 'string') throw fail('collection must be a string');
  if (checkpoint.position !== null) checkPosition(checkpoint.position, () => fail('position must be null or a bigint from 0 to 2^63-1'));
  if (typeof checkpoint.updatedAt !== 'string') throw fail('updatedAt must be an ISO string');
  if (checkpoint.fence !== undefined && !(Number.isSafeInteger(checkpoint.fence) && checkpoint.fence > 0)) throw fail('fence must be a positive integer');
}

function checkPosition(position: unknown, error: () => Error): void {
  if (typeof position !== 'bigint' || position < 0n || position > maxInt64) throw error();
}

function invalidWrite(write: DocumentWrite, reason: string): ValidationError {
  return new ValidationError('read_store.invalid_write', `Write ${describe(write?.id)}: ${reason}`, { id: String(write?.id) });
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A checkpoint refused because the store has seen a newer fencing token than the writer's. */
export function fenced(projection: string, fence: number, stored: bigint | number): FencedError {
  return new FencedError('read_store.fenced', `Checkpoint ${projection} is fenced by lease token ${stored}; this writer holds ${fence}`, { projection, fence, stored: Number(stored) });
}
