import { ValidationError } from '../../core/errors';
import type { FindResult, ReadDocument, SortDirection } from '../../core/read-store.port';

/** A value a filter compares with, and a cursor carries. */
export type Scalar = string | number | boolean | null;

export interface SortKey {
  readonly path: string;
  readonly direction: SortDirection;
}

/**
 * Keyset cursors: base64url JSON of the sort keys and the last row's value for each of them. The
 * keys travel with the values so a cursor replayed with another sort is refused instead of paging
 * from a wrong place. Values are what the adapter compares with (SQLite's, MongoDB's), so a cursor
 * is only meaningful to the adapter that issued it.
 */
export function encodeCursor(sort: readonly SortKey[], values: readonly Scalar[]): string {
  const payload = { k: sort.map(sortLabel), v: values };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * A page whose per-document cursors are encoded when first asked for: the API's connections read
 * them, while KPIs page through whole periods by `nextCursor` alone and would encode one per
 * document for nothing.
 */
export function pageWithCursors<D extends ReadDocument>(documents: D[], hasMore: boolean, cursorAt: (index: number) => string): FindResult<D> {
  let cursors: string[] | undefined;
  return {
    documents,
    nextCursor: hasMore && documents.length > 0 ? cursorAt(documents.length - 1) : null,
    get cursors() {
      return (cursors ??= documents.map((_, index) => cursorAt(index)));
    },
  };
}

/** The values of a cursor issued for this sort, or a ValidationError. */
export function decodeCursor(cursor: unknown, sort: readonly SortKey[]): Scalar[] {
  const payload = typeof cursor === 'string' ? parse(cursor) : null;
  const labels = sort.map(sortLabel);
  const keys: unknown = payload?.k;
  const values: unknown = payload?.v;
  const valid =
    Array.isArray(keys) &&
    Array.isArray(values) &&
    keys.length === labels.length &&
    keys.every((key, index) => key === labels[index]) &&
    values.length === labels.length &&
    values.every(isScalar) &&
    typeof values[values.length - 1] === 'string';
  if (!valid) throw new ValidationError('read_store.invalid_cursor', 'The cursor is malformed or was issued for another sort');
  return values as Scalar[];
}

function parse(cursor: string): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sortLabel(key: SortKey): string {
  return `${key.path}:${key.direction}`;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
