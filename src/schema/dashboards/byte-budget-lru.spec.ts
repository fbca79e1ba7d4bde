import { describe, expect, it } from 'vitest';
import { ByteBudgetLru } from './byte-budget-lru';

describe('ByteBudgetLru', () => {
  it('given a full budget, when a value is kept, then the least recently used ones go first', () => {
    const lru = new ByteBudgetLru<string>(30);
    lru.set('a', 'A', 10);
    lru.set('b', 'B', 10);
    lru.set('c', 'C', 10);
    lru.get('a');

    lru.set('d', 'D', 10);

    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.get('d')]).toEqual(['A', undefined, 'C', 'D']);
    expect(lru.bytes).toBe(30);
  });

  it('given values already kept, when one heavier than the whole budget comes, then it alone is left out', () => {
    const lru = new ByteBudgetLru<string>(30);
    lru.set('a', 'A', 10);
    lru.set('b', 'B', 10);

    lru.set('huge', 'H', 31);

    expect([lru.get('a'), lru.get('b'), lru.get('huge')]).toEqual(['A', 'B', undefined]);
    expect(lru.bytes).toBe(20);
  });

  it('given an entry still weighing nothing, when it is weighed, then the budget counts it — unless the key moved on to another value', () => {
    const lru = new ByteBudgetLru<string>(30);
    lru.set('a', 'first');
    lru.set('a', 'second');

    lru.weigh('a', 'first', 25);
    expect(lru.bytes).toBe(0);

    lru.weigh('a', 'second', 25);
    expect(lru.bytes).toBe(25);
    lru.delete('a', 'first');
    expect(lru.get('a')).toBe('second');
  });
});
