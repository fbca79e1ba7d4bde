import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { eventStoreContract } from '../../testing/event-store.contract';
import { openSqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-sqlite-contract-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

eventStoreContract('SQLite :memory:', () => openSqliteEventStore({ path: ':memory:' }));
eventStoreContract('SQLite file, pages of 5', () => openSqliteEventStore({ path: join(directory, 'nested', 'events.sqlite'), pageSize: 5 }));
