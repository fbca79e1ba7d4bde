import { ValidationError } from '../../core/errors';
import type { DocumentWrite, FindResult, ReadDocument, VersionedDocument } from '../../core/read-store.port';
import type { ParsedQuery, Scalar } from '../shared/read-query';
import { encodeCursor, pageWithCursors } from '../shared/read-store-cursor';
import { fieldExpression, orderByClause, whereClause } from './sqlite-document-filter';
import { type SqliteCollections, table } from './sqlite-read-schema';
import type { StatementCache } from './sqlite-statement-cache';

interface StoredRow {
  id: string;
  position: bigint;
  doc: string;
}

/** Reads and guarded writes of documents; the caller owns transactions. */
export class SqliteDocuments {
  constructor(
    private readonly statements: StatementCache,
    private readonly collections: SqliteCollections,
  ) {}

  /** One query whatever the number of ids: they are bound as one JSON array and read by json_each. */
  getMany<D extends ReadDocument>(collection: string, ids: readonly string[]): Map<string, VersionedDocument<D>> {
    const found = new Map<string, VersionedDocument<D>>();
    if (ids.length === 0 || !this.collections.exists(collection)) return found;
    const sql = `SELECT id, position, doc FROM ${table(collection)} WHERE id IN (SELECT value FROM json_each(?)) AND doc IS NOT NULL`;
    const rows = this.statements.get(sql).safeIntegers(true).all(JSON.stringify(ids)) as StoredRow[];
    for (const row of rows) found.set(row.id, { document: JSON.parse(row.doc) as D, position: row.position });
    return found;
  }

  /** Reads `limit + 1` rows so that a full page knows whether another follows. */
  find<D extends ReadDocument>(collection: string, query: ParsedQuery): FindResult<D> {
    if (!this.collections.exists(collection)) return { documents: [], nextCursor: null };
    const where = whereClause(query);
    const sortColumns = query.sort.map((key, index) => `${fieldExpression(key.path)} AS s${index}`).join(', ');
    const limit = query.limit === null ? '' : ' LIMIT ?';
    const sql = `SELECT doc, ${sortColumns} FROM ${table(collection)} WHERE ${where.sql} ORDER BY ${orderByClause(query.sort)}${limit}`;
    const params = query.limit === null ? where.params : [...where.params, query.limit + 1];
    const rows = this.statements.get(sql).all(...params) as Array<Record<string, Scalar>>;
    const hasMore = query.limit !== null && rows.length > query.limit;
    const page = hasMore ? rows.slice(0, query.limit!) : rows;
    const cursorAt = (at: number) => encodeCursor(query.sort, query.sort.map((_, index) => page[at]![`s${index}`]!));
    return pageWithCursors(page.map((row) => JSON.parse(row.doc as string) as D), hasMore, cursorAt);
  }

  /**
   * Upserts each write unless the stored row (document or tombstone) has an equal or higher
   * position. A delete is a tombstone, so a late older write cannot bring the document back.
   * Rows go `rowsPerStatement` to a statement: a rebuild then spends a third less CPU on its
   * writes than with one call per row (measured on 300,000 time entries).
   */
  write(collection: string, writes: readonly DocumentWrite[]): void {
    if (writes.length === 0) return;
    this.collections.ensure(collection);
    const several = this.statements.get(upsertSql(collection, rowsPerStatement));
    let index = 0;
    for (; index + rowsPerStatement <= writes.length; index += rowsPerStatement) several.run(valuesOf(writes, index, rowsPerStatement));
    const one = this.statements.get(upsertSql(collection, 1));
    for (; index < writes.length; index++) one.run(valuesOf(writes, index, 1));
  }
}

const rowsPerStatement = 16;

/** Rows of one statement are applied in order, so an id repeated within it is guarded like any other. */
function upsertSql(collection: string, rows: number): string {
  const target = table(collection);
  return `INSERT INTO ${target} (id, position, doc) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}
    ON CONFLICT(id) DO UPDATE SET position = excluded.position, doc = excluded.doc
    WHERE excluded.position > ${target}.position`;
}

function valuesOf(writes: readonly DocumentWrite[], from: number, count: number): unknown[] {
  const values: unknown[] = [];
  for (let index = from; index < from + count; index++) {
    const write = writes[index]!;
    values.push(write.id, write.position, write.document === null ? null : serialise(write));
  }
  return values;
}

function serialise(write: DocumentWrite): string {
  try {
    return JSON.stringify(write.document);
  } catch (error) {
    throw new ValidationError('read_store.invalid_document', `Document ${write.id} is not JSON: ${(error as Error).message}`, { id: write.id }, { cause: error });
  }
}
