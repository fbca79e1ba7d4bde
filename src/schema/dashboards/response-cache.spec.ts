import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache';

describe('response cache bodies', () => {
  it('gives the body kept with a cached response, as Apollo would write it, and nothing for anything else', () => {
    // Given a cached response
    const cache = new ResponseCache();
    const data = { financialDashboard: { revenue: { totalCents: 12_300 } } };
    cache.set('key', data);

    // Then a result holding exactly that data has its body, byte for byte what serialising it gives
    expect(cache.bodyOf({ data: cache.get('key') })).toBe(`${JSON.stringify({ errors: undefined, data, extensions: undefined })}\n`);
    // And an equal but different object, a result with errors or extensions, or no data, has none
    expect(cache.bodyOf({ data: structuredClone(data) })).toBeUndefined();
    expect(cache.bodyOf({ data, errors: [{ message: 'partial' }] })).toBeUndefined();
    expect(cache.bodyOf({ data, extensions: { cost: 1 } })).toBeUndefined();
    expect(cache.bodyOf({ data: null })).toBeUndefined();
  });

  it('counts each response and its body against the byte budget', () => {
    const cache = new ResponseCache(10_000);
    const body = `${JSON.stringify({ data: { text: 'x'.repeat(1_000) } })}\n`;
    cache.set('first', { text: 'x'.repeat(1_000) });
    expect(cache.bytes).toBe(4 * body.length + 2 * 'first'.length + 64);
    // A second and third of the same size no longer fit with the first: the oldest goes
    cache.set('second', { text: 'y'.repeat(1_000) });
    cache.set('third', { text: 'z'.repeat(1_000) });
    expect(cache.get('first')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
