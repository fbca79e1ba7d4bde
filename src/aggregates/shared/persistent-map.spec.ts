import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistent-map';

describe('persistent map', () => {
  it('returns a new map on set and leaves the old one as it was', () => {
    const empty = PersistentMap.empty<number>();
    const one = empty.set('a', 1);
    const two = one.set('b', 2).set('a', 3);

    expect([empty.has('a'), empty.size]).toEqual([false, 0]);
    expect([one.get('a'), one.get('b'), one.size]).toEqual([1, undefined, 1]);
    expect([two.get('a'), two.get('b'), two.size]).toEqual([3, 2, 2]);
  });

  it('keeps every one of many keys', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 5_000; i++) map = map.set(`entry-${i}`, i);
    expect(map.size).toBe(5_000);
    expect([map.get('entry-0'), map.get('entry-4999'), map.has('entry-5000')]).toEqual([0, 4_999, false]);
  });
});
