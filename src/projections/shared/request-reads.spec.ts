import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import type { ReadStore } from '../../core/read-store.port';
import { checkpointOf } from '../../testing/read-store.fixtures';
import { oncePerRequest, requestReads } from './request-reads';

describe('request reads', () => {
  let store: ReadStore;
  afterEach(() => store?.close());

  async function storeWith(ids: string[]): Promise<ReadStore> {
    store = await openSqliteReadStore({ path: ':memory:' });
    await store.commit('things', ids.map((id, index) => ({ id, document: { _id: id, n: index }, position: BigInt(index + 1) })), checkpointOf('things', 'things', BigInt(ids.length)));
    return store;
  }

  it('reads the same query once per request, handing each caller its own list', async () => {
    const reads = requestReads(await storeWith(['a', 'b']));
    const first = await reads.find('things', { filter: { n: { $gte: 0 } } });
    await store.commit('things', [{ id: 'c', document: { _id: 'c', n: 2 }, position: 3n }], checkpointOf('things', 'things', 3n));
    const second = await reads.find('things', { filter: { n: { $gte: 0 } } });
    // The write after the first read is not seen: the request keeps one view of each query.
    expect(second.documents.map((document) => document._id)).toEqual(['a', 'b']);
    expect(second.documents).not.toBe(first.documents);
    // Another query, and a new request, read the store again.
    expect((await reads.find('things', { filter: { n: { $gte: 1 } } })).documents).toHaveLength(2);
    expect((await requestReads(store).find('things', { filter: { n: { $gte: 0 } } })).documents).toHaveLength(3);
  });

  it('reads each document by id once per request: a later getMany reads only the ids not read yet', async () => {
    const raw = await storeWith(['a', 'b', 'c']);
    const asked: string[][] = [];
    const counting: ReadStore = { ...raw, getMany: (collection, ids) => (asked.push([...ids]), raw.getMany(collection, ids)) };
    const reads = requestReads(counting);
    // Given a request that read a and b (and an id that does not exist)
    const first = await reads.getMany('things', ['a', 'b', 'zz']);
    // When it asks for b, c and zz, and then for a again
    const second = await reads.getMany('things', ['c', 'b', 'zz']);
    const third = await reads.getMany('things', ['a']);
    // Then only c was read again, and each answer holds the ids asked for, in the order asked
    expect(asked).toEqual([['a', 'b', 'zz'], ['c']]);
    expect([[...first.keys()], [...second.keys()], [...third.keys()]]).toEqual([['a', 'b'], ['c', 'b'], ['a']]);
    expect(second.get('b')!.document).toEqual({ _id: 'b', n: 1 });
  });

  it('forgets a failed read by id, so the next ask reads again', async () => {
    const raw = await storeWith(['a']);
    let failures = 1;
    const flaky: ReadStore = { ...raw, getMany: (collection, ids) => (failures-- > 0 ? Promise.reject(new Error('store unavailable')) : raw.getMany(collection, ids)) };
    const reads = requestReads(flaky);
    await expect(reads.getMany('things', ['a'])).rejects.toThrow('store unavailable');
    expect([...(await reads.getMany('things', ['a'])).keys()]).toEqual(['a']);
  });

  it('derives a value once per request and key, and every time on a store that is not a request\'s', async () => {
    const raw = await storeWith(['a']);
    const reads = requestReads(raw);
    let computed = 0;
    const compute = async () => ++computed;
    // Given one request asking twice for the same key and once for another
    expect([await oncePerRequest(reads, 'sums', compute), await oncePerRequest(reads, 'sums', compute), await oncePerRequest(reads, 'other', compute)]).toEqual([1, 1, 2]);
    // Then a new request, and the store itself, compute again
    expect(await oncePerRequest(requestReads(raw), 'sums', compute)).toBe(3);
    expect([await oncePerRequest(raw, 'sums', compute), await oncePerRequest(raw, 'sums', compute)]).toEqual([4, 5]);
  });
});
