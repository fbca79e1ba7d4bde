import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore, type SqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { randomId } from '../../core/ids';
import { readEventPage } from './event-page';

describe('a page of the log with filters the store cannot apply', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = await openSqliteEventStore({ path: ':memory:' });
    for (let index = 0; index < 30; index++) {
      const correlationId = index === 24 ? 'needle' : 'hay';
      await store.append(`Audit-${index}`, [
        { id: randomId(), type: 'NoteTaken', data: {}, metadata: { occurredAt: '2026-01-01T00:00:00.000Z', correlationId, causationId: null, actor: 'test' } },
      ]);
    }
  });
  afterEach(async () => {
    await store.close();
  });

  it('stops at the scan budget with a short page that still points forwards', async () => {
    const first = await readEventPage(store, { correlationId: 'needle' }, 10, undefined, 10);
    expect(first.nodes).toEqual([]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toBe('10');

    const third = await readEventPage(store, { correlationId: 'needle' }, 10, 20n, 10);
    expect(third.nodes.map((node) => node.stream)).toEqual(['Audit-24']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: true, endCursor: '30' });

    const last = await readEventPage(store, { correlationId: 'needle' }, 10, 30n, 10);
    expect(last.nodes).toEqual([]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('ends the page at its last event when more matches follow', async () => {
    const page = await readEventPage(store, { types: ['NoteTaken'] }, 3, undefined, 10);
    expect(page.nodes.map((node) => node.position)).toEqual([1n, 2n, 3n]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, endCursor: '3' });
  });
});
