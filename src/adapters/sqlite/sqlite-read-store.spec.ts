import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { readStoreContract } from '../../testing/read-store.contract';
import { checkpointOf, put } from '../../testing/read-store.fixtures';
import { openSqliteReadStore } from './sqlite-read-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-read-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

readStoreContract('SQLite :memory:', () => openSqliteReadStore({ path: ':memory:' }));
readStoreContract('SQLite file', () => openSqliteReadStore({ path: join(directory, 'read-models.sqlite'), synchronous: 'FULL' }));

describe('SQLite read store', () => {
  it('sees a collection another process dropped, renamed or created, after it had read it', async () => {
    // Given two stores on one file (an API and a worker of a fleet), the first having read a collection
    const file = join(directory, 'shared-schema.sqlite');
    const api = await openSqliteReadStore({ path: file });
    const worker = await openSqliteReadStore({ path: file });
    await worker.commit('tickets', [put('t-1', 1)], checkpointOf('tickets', 'tickets', 1n));
    expect([...(await api.getMany('tickets', ['t-1'])).keys()]).toEqual(['t-1']);

    // When the worker drops it, then swaps a rebuilt one in under the same name
    await worker.dropCollection('tickets');
    const afterDrop = await api.getMany('tickets', ['t-1']);
    await worker.commit('tickets_rebuild', [put('t-2', 2)], checkpointOf('tickets', 'tickets_rebuild', 2n));
    await worker.renameCollection('tickets_rebuild', 'tickets');

    // Then the first reads nothing in between and the rebuilt documents after, never a missing table
    expect(afterDrop.size).toBe(0);
    expect([...(await api.getMany('tickets', ['t-1', 't-2'])).keys()]).toEqual(['t-2']);
    expect((await api.find('tickets_rebuild', {})).documents).toEqual([]);
    await api.close();
    await worker.close();
  });

  const path = join(directory, 'atomic.sqlite');
  const failure = { eventId: 'e-2', eventType: 'InvoicePaid', position: '2', error: 'boom', failedAt: '2026-03-01T10:00:00.000Z' };

  it('applies neither documents nor checkpoint when a document of the batch cannot be stored', async () => {
    const store = await openSqliteReadStore({ path });
    await store.commit('invoices', [put('inv-1', 1, { total: 1 })], checkpointOf('invoiceList', 'invoices', 1n));
    // A projection bug that leaks a bigint position into a document: JSON cannot hold it.
    const leaky = { id: 'inv-3', position: 3n, document: { _id: 'inv-3', lastPosition: 3n as unknown as number } };

    const committing = store.commit('invoices', [put('inv-2', 2), leaky], checkpointOf('invoiceList', 'invoices', 3n));

    await expect(committing).rejects.toMatchObject({ code: 'read_store.invalid_document' });
    expect([...(await store.getMany('invoices', ['inv-1', 'inv-2', 'inv-3'])).keys()]).toEqual(['inv-1']);
    expect((await store.checkpoint('invoiceList'))?.position).toBe(1n);
    await store.close();
  });

  it('applies no document of the batch when its checkpoint cannot be stored', async () => {
    const store = await openSqliteReadStore({ path });
    const badFailure = { ...failure, position: 2n as unknown as string };

    const committing = store.commit('payments', [put('pay-1', 2)], { ...checkpointOf('paymentList', 'payments', 2n), failure: badFailure });

    await expect(committing).rejects.toMatchObject({ code: 'read_store.invalid_checkpoint' });
    expect((await store.getMany('payments', ['pay-1'])).size).toBe(0);
    expect(await store.checkpoint('paymentList')).toBeNull();
    await store.close();
  });

  it('keeps documents, checkpoints and renamed indexes when the file is reopened', async () => {
    const file = join(directory, 'reopen.sqlite');
    const first = await openSqliteReadStore({ path: file });
    await first.commit('clients_next', [put('c-1', 7, { name: 'Acme' })], checkpointOf('clientList', 'clients_next', 7n));
    await first.ensureIndexes('clients_next', [{ name: 'byName', fields: ['name'] }]);
    await first.renameCollection('clients_next', 'clients');
    await first.close();

    const second = await openSqliteReadStore({ path: file });

    expect((await second.getMany('clients', ['c-1'])).get('c-1')).toEqual({ document: { _id: 'c-1', name: 'Acme' }, position: 7n });
    expect(await second.checkpoint('clientList')).toEqual(checkpointOf('clientList', 'clients_next', 7n));
    expect(indexesIn(file)).toEqual([{ name: 'clients_next.byName', table: 'clients' }]);
    await second.close();
  });

  it('swaps a rebuilt collection in with the indexes built for it, and indexes the next rebuild under a free name', async () => {
    const file = join(directory, 'swap.sqlite');
    const store = await openSqliteReadStore({ path: file });
    const byName = [{ name: 'byName', fields: ['name'] }];
    await store.commit('clients_next', [put('c-1', 1, { name: 'Acme' })], checkpointOf('clientList', 'clients_next', 1n));
    await store.ensureIndexes('clients_next', byName);

    await store.renameCollection('clients_next', 'clients');
    await store.ensureIndexes('clients', byName);
    await store.ensureIndexes('clients_next', byName);

    expect(indexesIn(file)).toEqual([
      { name: 'clients_next.byName', table: 'clients' },
      { name: 'clients_next.byName.2', table: 'clients_next' },
    ]);
    await store.close();
  });

  it('rebuilds an index whose fields changed, keeping its declared name', async () => {
    const file = join(directory, 'changed-index.sqlite');
    const store = await openSqliteReadStore({ path: file });
    await store.ensureIndexes('clients', [{ name: 'byName', fields: ['name'] }]);

    await store.ensureIndexes('clients', [{ name: 'byName', fields: ['name', 'tier'] }]);

    const inspector = new Database(file, { readonly: true });
    const definition = inspector.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'clients.byName'`).pluck().get();
    inspector.close();
    expect(definition).toContain('$.tier');
    await store.close();
  });

  it('fails to open with read_store.sqlite_failed where no file can be created', async () => {
    const blocker = join(directory, 'not-a-directory');
    writeFileSync(blocker, '');

    await expect(openSqliteReadStore({ path: join(blocker, 'read-models.sqlite') })).rejects.toMatchObject({ code: 'read_store.sqlite_failed' });
  });

  it('refuses every operation once closed', async () => {
    const store = await openSqliteReadStore({ path: ':memory:' });
    await store.close();

    await expect(store.listCollections()).rejects.toMatchObject({ code: 'read_store.closed' });
  });
});

function indexesIn(file: string): Array<{ name: string; table: string }> {
  const inspector = new Database(file, { readonly: true });
  const sql = `SELECT name, tbl_name AS "table" FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`;
  const indexes = inspector.prepare(sql).all() as Array<{ name: string; table: string }>;
  inspector.close();
  return indexes;
}
