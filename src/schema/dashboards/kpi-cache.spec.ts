import { describe, expect, it } from 'vitest';
import type { ProjectionRunner } from '../../core/projection-runner';
import { approximateBytes } from './byte-budget-lru';
import { KpiCache } from './kpi-cache';

/** A runner stand-in whose read models sit at a position the test moves. */
function runnerAt(position: { value: bigint | null }) {
  return { status: () => [{ name: 'invoices', position: position.value }] } as unknown as ProjectionRunner;
}

describe('KpiCache', () => {
  it('computes a value once per key and shares it with concurrent callers', async () => {
    const cache = new KpiCache(runnerAt({ value: 7n }));
    let computed = 0;
    const compute = async () => ++computed;

    const [first, second] = await Promise.all([cache.get('revenue|march', compute), cache.get('revenue|march', compute)]);

    expect([first, second, computed]).toEqual([1, 1, 1]);
  });

  it('keys values by where the read models stand, so a moved read model means a new value', () => {
    const position = { value: 7n as bigint | null };
    const cache = new KpiCache(runnerAt(position));
    const before = cache.positions();
    position.value = 8n;
    expect(cache.positions()).not.toBe(before);
    expect(before).toBe('invoices@7');
  });

  it('forgets a failed computation, so the next request tries again', async () => {
    const cache = new KpiCache(runnerAt({ value: null }));
    await expect(cache.get('mrr', () => Promise.reject(new Error('store closed')))).rejects.toThrow('store closed');
    await expect(cache.get('mrr', async () => 42)).resolves.toBe(42);
  });

  it('drops the least recently used values beyond its budget of bytes', async () => {
    const value = (letter: string) => ({ letter, padding: 'x'.repeat(1_000) });
    const one = approximateBytes(value('a'));
    const cache = new KpiCache(runnerAt({ value: 1n }), 2 * one);
    await cache.get('a', async () => value('a'));
    await cache.get('b', async () => value('b'));
    await cache.get('a', async () => value('not asked'));
    await cache.get('c', async () => value('c'));

    expect([cache.size, cache.bytes]).toEqual([2, 2 * one]);
    await expect(cache.get('a', async () => value('recomputed'))).resolves.toMatchObject({ letter: 'a' });
    await expect(cache.get('b', async () => value('recomputed'))).resolves.toMatchObject({ letter: 'recomputed' });
  });

  it('keeps many small values where a few large ones would fill it', async () => {
    const cache = new KpiCache(runnerAt({ value: 1n }), 100 * approximateBytes({ position: 12n }));
    for (let index = 0; index < 100; index++) await cache.get(`small-${index}`, async () => ({ position: 12n }));
    expect(cache.size).toBe(100);
    // About half the budget (a string's JSON weighs two bytes a character).
    await cache.get('large', async () => ({ rows: 'y'.repeat(25 * approximateBytes({ position: 12n })) }));
    expect(cache.size).toBeLessThan(60);
    expect(cache.bytes).toBeLessThanOrEqual(100 * approximateBytes({ position: 12n }));
  });
});
