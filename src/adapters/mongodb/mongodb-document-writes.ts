import { type AnyBulkWriteOperation, type Document, type Filter, Long, MongoBulkWriteError } from 'mongodb';
import type { DocumentWrite, ReadDocument, VersionedDocument } from '../../core/read-store.port';

const duplicateKey = 11000;

/** A document, live or tombstone, as the collection holds it. */
export type StoredDocument = { _id: string } & Document;

/**
 * How a batch reaches the collection, in commands that MongoDB and FerretDB 1.24 both honour:
 * documents not stored yet are inserted (one unordered `insert`); stored ones older than the write
 * are replaced under a guard on their position (no upsert); the rest are stale and skipped. A
 * delete writes a tombstone the same way, so an older write cannot bring the document back.
 * (A guarded upsert that fails with E11000 when the stored document is newer works on MongoDB,
 * but FerretDB stops an `update` command at its first error, so the batch would stop there.)
 */
export interface WritePlan {
  readonly inserts: StoredDocument[];
  readonly replaces: AnyBulkWriteOperation<StoredDocument>[];
}

/** Keeps the newest write per id, then sorts them into inserts, guarded replaces and stale skips. */
export function planWrites(writes: readonly DocumentWrite[], storedPositions: ReadonlyMap<string, bigint>): WritePlan {
  const inserts: StoredDocument[] = [];
  const replaces: AnyBulkWriteOperation<StoredDocument>[] = [];
  for (const write of newestPerId(writes)) {
    const stored = storedPositions.get(write.id);
    if (stored === undefined) inserts.push({ _id: write.id, ...toStored(write) });
    else if (stored < write.position) replaces.push(guardedReplace(write));
  }
  return { inserts, replaces };
}

/** Replaces the document only where the stored position is still lower. */
export function guardedReplace(write: DocumentWrite): AnyBulkWriteOperation<StoredDocument> {
  const position = Long.fromBigInt(write.position);
  const filter: Filter<StoredDocument> = { _id: write.id, _position: { $lt: position } };
  return { replaceOne: { filter, replacement: toStored(write) } };
}

/** Ids whose insert failed only because another writer inserted them first (E11000). */
export function duplicateInserts(error: unknown, inserts: readonly StoredDocument[]): string[] | null {
  if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) return null;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.length === 0 || !writeErrors.every((writeError) => writeError.code === duplicateKey)) return null;
  return writeErrors.map((writeError) => inserts[writeError.index]!._id);
}

/** A stored document without the store's bookkeeping fields. */
export function fromStored<D extends ReadDocument>(stored: Document): VersionedDocument<D> {
  const { _position, _deleted, ...document } = stored;
  void _deleted;
  return { document: decodeNested(document) as D, position: toBigInt(_position) };
}

/** The key that wraps an array inside an array (see `encodeNested`). */
const nestedKey = '_nested';

/**
 * FerretDB 1.24 stores no array directly inside an array (its documented difference "no nested
 * arrays"); MongoDB does. Such an inner array is stored as `{ _nested: [...] }` and unwrapped on
 * read, so a read model may hold, e.g., rows of sums `[[a, b], [c, d]]` on both servers.
 */
export function encodeNested(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => encodeNested(item, true));
    return inArray ? { [nestedKey]: items } : items;
  }
  if (value === null || typeof value !== 'object' || value instanceof Long) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeNested(item)]));
}

export function decodeNested(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeNested);
  if (value === null || typeof value !== 'object' || value instanceof Long || typeof value === 'bigint') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === nestedKey && Array.isArray(entries[0]![1])) return (entries[0]![1] as unknown[]).map(decodeNested);
  return Object.fromEntries(entries.map(([key, item]) => [key, decodeNested(item)]));
}

export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (value instanceof Long) return value.toBigInt();
  throw new TypeError(`Expected a position, got ${String(value)}`);
}

function newestPerId(writes: readonly DocumentWrite[]): DocumentWrite[] {
  const newest = new Map<string, DocumentWrite>();
  for (const write of writes) {
    const kept = newest.get(write.id);
    if (!kept || kept.position < write.position) newest.set(write.id, write);
  }
  return [...newest.values()];
}

function toStored(write: DocumentWrite): Document {
  const position = Long.fromBigInt(write.position);
  return write.document === null ? { _position: position, _deleted: true } : { ...(encodeNested(withoutId(write.document)) as Document), _position: position };
}

function withoutId(document: ReadDocument): Omit<ReadDocument, '_id'> {
  const { _id, ...fields } = document;
  void _id;
  return fields;
}
