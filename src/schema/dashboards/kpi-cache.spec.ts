import { describe, expect, it } from 'vitest';
import type { ProjectionRunner } from '../../core/projection-runner';
import { KpiCache } from './kpi-cache';

/** A runner stand-in whose read models sit at a position the test moves. */
function runnerAt(position: { value: bigint | null }) {
  return { status: () => [{ name: 'invoices', position: position.value }] } as unknown as ProjectionRunner;
}

describe('KpiCache', () => {
  it('computes a value once per key and shares it with concurrent callers', async () => {
    const cache = new KpiCache({ projections: runnerAt({ value: 7n }) });
    let computed = 0;
    const compute = async () => ++computed;

    const [first, second] = await Promise.all([cache.get('revenue|march', compute), cache.get('revenue|march', compute)]);

    expect([first, second, computed]).toEqual([1, 1, 1]);
  });

  it('keys values by where the read models stand, so a moved read model means a new value', () => {
    const position = { value: 7n as bigint | null };
    const cache = new KpiCache({ projections: runnerAt(position) });
    const before = cache.positions();
    position.value = 8n;
    expect(cache.positions()).not.toBe(before);
    expect(before).toBe('invoices@7');
  });

  it('forgets a failed computation, so the next request tries again', async () => {
    const cache = new KpiCache({ projections: runnerAt({ value: null }) });
    await expect(cache.get('mrr', () => Promise.reject(new Error('store closed')))).rejects.toThrow('store closed');
    await expect(cache.get('mrr', async () => 42)).resolves.toBe(42);
  });

  it('drops the least recently used value beyond its capacity', async () => {
    const cache = new KpiCache({ projections: runnerAt({ value: 1n }) }, 2);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a again');
    await cache.get('c', async () => 'c');

    expect(cache.size).toBe(2);
    await expect(cache.get('a', async () => 'recomputed')).resolves.toBe('a');
    await expect(cache.get('b', async () => 'recomputed')).resolves.toBe('recomputed');
  });
});
