import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindQuery } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { encodeCursor } from '../shared/read-store-cursor';
import { orderByClause, whereClause } from './sqlite-document-filter';
import { SqliteCollections } from './sqlite-read-schema';
import { StatementCache } from './sqlite-statement-cache';

describe('SQLite document filter', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
    const collections = new SqliteCollections(db, new StatementCache(db));
    collections.ensureIndexes('invoices', [
      { name: 'byStatus', fields: ['status'] },
      { name: 'byClientAndTotal', fields: ['client.name', 'total'] },
    ]);
  });

  afterEach(() => db.close());

  const plan = (query: FindQuery) => {
    const parsed = parseFindQuery(query);
    const where = whereClause(parsed);
    const sql = `EXPLAIN QUERY PLAN SELECT doc FROM "invoices" WHERE ${where.sql} ORDER BY ${orderByClause(parsed.sort)}`;
    return (db.prepare(sql).all(...where.params) as Array<{ detail: string }>).map((row) => row.detail).join('; ');
  };

  it('uses an ensured index for equality and $in', () => {
    expect(plan({ filter: { status: 'sent' } })).toContain('USING INDEX invoices.byStatus');
    expect(plan({ filter: { status: { $in: ['sent', 'paid'] } } })).toContain('USING INDEX invoices.byStatus');
  });

  it('uses a compound index for equality on its first field and a range on its second', () => {
    expect(plan({ filter: { 'client.name': 'Acme', total: { $gte: 100 } } })).toContain('USING INDEX invoices.byClientAndTotal (<expr>=? AND <expr>>?)');
  });

  it('binds every value, so none appears in the SQL text', () => {
    const hostile = `x'); DROP TABLE invoices; --`;
    const parsed = parseFindQuery({
      filter: { status: hostile, 'client.name': { $in: [hostile] }, note: { $ne: hostile }, issuedAt: { $gt: hostile } },
      sort: [['status', 1]],
      after: encodeCursor(parseFindQuery({ sort: [['status', 1]] }).sort, [hostile, hostile]),
    });
    const where = whereClause(parsed);

    expect(where.sql).not.toContain('DROP');
    expect(where.params.filter((param) => param === hostile).length).toBeGreaterThanOrEqual(6);
  });
});
