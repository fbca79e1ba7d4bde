import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { leaseStoreContract } from '../../testing/lease-store.contract';
import { openSqliteLeaseStore } from './sqlite-lease-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-leases-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Two connections to one file stand for two processes sharing a DATA_DIR.
leaseStoreContract('SQLite file shared by two connections', async (clock) => {
  const path = join(directory, 'leases.sqlite');
  return { first: await openSqliteLeaseStore({ path, clock }), second: await openSqliteLeaseStore({ path, clock }) };
});
