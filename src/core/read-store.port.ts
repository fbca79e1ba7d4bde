/** JSON values as read models store them. Money is integer cents, instants ISO strings. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A read-model document. `_id` is unique within its collection. */
export interface ReadDocument {
  readonly _id: string;
  readonly [field: string]: Json | undefined;
}

/** Equality, `$in`, `$ne` and range conditions on a (dotted) field path. */
export type FieldCondition =
  | Json
  | { readonly $in: readonly Json[] }
  | { readonly $ne: Json }
  | { readonly $gt?: Json; readonly $gte?: Json; readonly $lt?: Json; readonly $lte?: Json };

export type DocumentFilter = { readonly [fieldPath: string]: FieldCondition };

export type SortDirection = 1 | -1;

export interface FindQuery {
  readonly filter?: DocumentFilter;
  /** Sort keys in order; `_id` is always added last so the order (and the cursor) is stable. */
  readonly sort?: ReadonlyArray<readonly [fieldPath: string, direction: SortDirection]>;
  readonly limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`; requires the same filter and sort. */
  readonly after?: string;
}

export interface FindResult<D extends ReadDocument> {
  readonly documents: D[];
  /** Cursor for the next page, or null when this page is the last. */
  readonly nextCursor: string | null;
  /**
   * A cursor per document (same order): passed as `after`, the next page starts after that
   * document. Relay edges are built from them; the last one equals `nextCursor` when a page follows.
   */
  readonly cursors?: string[];
}

/** A document as last written, with the position of the last event applied to it. */
export interface VersionedDocument<D extends ReadDocument = ReadDocument> {
  readonly document: D;
  readonly position: bigint;
}

/** One document of a projection batch; `document: null` deletes it. */
export interface DocumentWrite {
  readonly id: string;
  readonly position: bigint;
  readonly document: ReadDocument | null;
}

export interface IndexSpec {
  readonly name: string;
  readonly fields: readonly string[];
}

export interface ProjectionFailure {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: string;
  readonly error: string;
  readonly failedAt: string;
}

/** The runner's bookkeeping for one projection, stored next to its documents. */
export interface ProjectionCheckpoint {
  readonly projection: string;
  readonly version: number;
  /** Physical collection the projection writes to. */
  readonly collection: string;
  /** Position of the last event applied; null before the first. */
  readonly position: bigint | null;
  readonly failure: ProjectionFailure | null;
  readonly updatedAt: string;
}

/**
 * The read-model port. Every adapter (embedded SQLite, MongoDB) passes the same contract suite in
 * `src/testing/read-store.contract.ts`. Rules every adapter enforces:
 * - collection and index names are 1–64 letters, digits or underscores, starting with a letter
 *   (case-insensitive in SQLite); documents may not use the fields `_position` or `_deleted`;
 * - filters use the operators above only; a value that looks like an operator matches itself
 *   literally; filters on array fields are not supported;
 * - a sort field holds one scalar type; null and missing sort first ascending, last descending;
 * - `limit` is at least 1; a cursor only works with the adapter, filter and sort that issued it;
 * - renaming a missing collection throws `read_store.collection_not_found`.
 */
export interface ReadStore {
  getMany<D extends ReadDocument>(collection: string, ids: readonly string[]): Promise<Map<string, VersionedDocument<D>>>;

  find<D extends ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<D>>;

  /**
   * Writes each document only if its stored position is lower than the write's (so a replayed or
   * late batch never overwrites newer state), then saves the checkpoint. SQLite does both in one
   * transaction; MongoDB writes the documents, then the checkpoint — a crash in between replays a
   * batch whose writes are then skipped by the position guard.
   */
  commit(collection: string, writes: readonly DocumentWrite[], checkpoint: ProjectionCheckpoint): Promise<void>;

  checkpoint(projection: string): Promise<ProjectionCheckpoint | null>;
  checkpoints(): Promise<ProjectionCheckpoint[]>;
  saveCheckpoint(checkpoint: ProjectionCheckpoint): Promise<void>;
  deleteCheckpoint(projection: string): Promise<void>;

  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  dropCollection(collection: string): Promise<void>;
  /** Replaces `to` (if it exists) with `from`. */
  renameCollection(from: string, to: string): Promise<void>;
  listCollections(): Promise<string[]>;

  close(): Promise<void>;
}
