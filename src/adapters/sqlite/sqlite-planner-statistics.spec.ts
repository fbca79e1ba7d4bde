import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FindQuery, ReadStore } from '../../core/read-store.port';
import { checkpointOf } from '../../testing/read-store.fixtures';
import { parseFindQuery } from '../shared/read-query';
import { orderByClause, whereClause } from './sqlite-document-filter';
import { openSqliteReadStore } from './sqlite-read-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-planner-statistics-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** How SQLite plans the page `find` asks for (the adapter's own SQL shape), seen from another connection. */
function pagePlan(path: string, collection: string, query: FindQuery): string {
  const parsed = parseFindQuery(query);
  const where = whereClause(parsed);
  const db = new Database(path, { readonly: true });
  try {
    const sql = `EXPLAIN QUERY PLAN SELECT doc FROM "${collection}" WHERE ${where.sql} ORDER BY ${orderByClause(parsed.sort)} LIMIT 2001`;
    return (db.prepare(sql).all(...where.params) as Array<{ detail: string }>).map((row) => row.detail).join('; ');
  } finally {
    db.close();
  }
}

/** 3,000 invoices, 5 of them paid on or after 2026-06-01. */
async function fillInvoices(store: ReadStore, collection: string): Promise<void> {
  await store.ensureIndexes(collection, [{ name: 'paid_on', fields: ['paidOn'] }]);
  const writes = Array.from({ length: 3_000 }, (_, index) => {
    const paidOn = index % 600 === 0 ? '2026-06-15' : `2020-01-${String(1 + (index % 28)).padStart(2, '0')}`;
    const id = `inv-${String(index).padStart(5, '0')}`;
    return { id, document: { _id: id, paidOn }, position: BigInt(index + 1) };
  });
  await store.commit(collection, writes, checkpointOf(collection, collection, 3_000n));
}

const paidLate: FindQuery = { filter: { paidOn: { $gte: '2026-06-01' } }, limit: 2_000 };

describe('SQLite read store planner statistics', () => {
  let store: ReadStore | null = null;
  afterEach(async () => {
    await store?.close();
    store = null;
  });

  it('plans a selective range page through its index once the store has analysed the data, instead of walking every document in id order', async () => {
    // Given a store that filled a collection since it opened, before any refresh was due
    const path = join(directory, 'fresh', 'read-models.sqlite');
    store = await openSqliteReadStore({ path, statisticsEveryMs: 60 * 60_000 });
    await fillInvoices(store, 'invoices');
    // Then without statistics the page walks the table in id order
    expect(pagePlan(path, 'invoices', paidLate)).toContain('SCAN invoices');
    await store.close();

    // When the store is opened again
    store = await openSqliteReadStore({ path });
    // Then the page is read through the index and its few rows sorted, and find answers the same
    expect(pagePlan(path, 'invoices', paidLate)).toContain('USING INDEX invoices.paid_on');
    expect((await store.find('invoices', paidLate)).documents).toHaveLength(5);
  });

  it('refreshes the statistics after a commit once the interval has passed', async () => {
    const path = join(directory, 'live', 'read-models.sqlite');
    // Given a store whose refresh is due at every commit
    store = await openSqliteReadStore({ path, statisticsEveryMs: 0 });
    // When a commit fills a collection
    await fillInvoices(store, 'invoices');
    // Then the next page already goes through the index
    expect(pagePlan(path, 'invoices', paidLate)).toContain('USING INDEX invoices.paid_on');
  });

  it('analyses a collection renamed into place, whose statistics stayed with its old name', async () => {
    const path = join(directory, 'swap', 'read-models.sqlite');
    store = await openSqliteReadStore({ path, statisticsEveryMs: 60 * 60_000 });
    // Given a rebuilt collection filled under its temporary name and analysed there
    await fillInvoices(store, 'invoices__rebuild');
    await store.close();
    store = await openSqliteReadStore({ path, statisticsEveryMs: 60 * 60_000 });
    // When it is swapped in
    await store.renameCollection('invoices__rebuild', 'invoices');
    // Then its pages are planned through the index under the new name, and no statistics are left under the old one
    expect(pagePlan(path, 'invoices', paidLate)).toContain('USING INDEX');
    const db = new Database(path, { readonly: true });
    expect(db.prepare(`SELECT DISTINCT tbl FROM sqlite_stat1 WHERE tbl LIKE 'invoices%' ORDER BY tbl`).pluck().all()).toEqual(['invoices']);
    db.close();
  });
});
