import { type AnyBulkWriteOperation, type Document, type Filter, Long, MongoBulkWriteError } from 'mongodb';
import type { DocumentWrite, ReadDocument, VersionedDocument } from '../../core/read-store.port';

const duplicateKey = 11000;

/** A document, live or tombstone, as the collection holds it. */
export type StoredDocument = { _id: string } & Document;

/**
 * One guarded upsert per write: it replaces the stored document only when the stored position is
 * lower. When the stored one is newer the filter matches nothing, the upsert tries to insert the
 * same `_id` and fails with E11000, which `isOnlyStaleWrites` recognises as "skipped". A delete
 * writes a tombstone under the same guard, so an older write cannot bring the document back.
 */
export function guardedWrites(writes: readonly DocumentWrite[]): AnyBulkWriteOperation<StoredDocument>[] {
  return writes.map((write) => {
    const position = Long.fromBigInt(write.position);
    const replacement: Document = write.document === null ? { _position: position, _deleted: true } : { ...withoutId(write.document), _position: position };
    const filter: Filter<StoredDocument> = { _id: write.id, $or: [{ _position: { $lt: position } }, { _position: { $exists: false } }] };
    return { replaceOne: { filter, replacement, upsert: true } };
  });
}

/** True when a bulk write failed only because some stored documents were newer than the writes. */
export function isOnlyStaleWrites(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) return false;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === duplicateKey);
}

/** A stored document without the store's bookkeeping fields. */
export function fromStored<D extends ReadDocument>(stored: Document): VersionedDocument<D> {
  const { _position, _deleted, ...document } = stored;
  void _deleted;
  return { document: document as D, position: toBigInt(_position) };
}

export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (value instanceof Long) return value.toBigInt();
  throw new TypeError(`Expected a position, got ${String(value)}`);
}

function withoutId(document: ReadDocument): Omit<ReadDocument, '_id'> {
  const { _id, ...fields } = document;
  void _id;
  return fields;
}
