import { describe, expect, it } from 'vitest';
import { mean, percentile, percentiles, ratio, sumBy } from './kpi-math';

describe('KPI math', () => {
  it('gives null, not zero or NaN, for a zero denominator', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
  });

  it('interpolates percentiles inclusively like numpy and PERCENTILE.INC', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 0.5)).toBe(35);
    expect(percentile(values, 0.9)).toBeCloseTo(46);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives several percentiles of unsorted values (negatives and fractions included) in the order asked', () => {
    const values = [40, -3.5, 15, 1e6, 0, 20, 35, 2.25];
    expect(percentiles(values, [1, 0, 0.5])).toEqual([1e6, -3.5, 17.5]);
    expect(percentiles([], [0.5, 0.9])).toEqual([null, null]);
  });

  it('averages and groups', () => {
    expect(mean([])).toBeNull();
    expect(mean([2, 4])).toBe(3);
    expect(sumBy([{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'a', v: 3 }], (x) => x.k, (x) => x.v)).toEqual({ a: 4, b: 2 });
  });
});
