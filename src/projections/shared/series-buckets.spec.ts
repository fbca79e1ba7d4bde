import { describe, expect, it } from 'vitest';
import { maxSeriesPoints, seriesSlots } from './series-buckets';

describe('series slots', () => {
  it('cuts a range at Monday weeks and clips the first and last week', () => {
    // 2026-03-04 is a Wednesday.
    expect(seriesSlots('2026-03-04', '2026-03-20', 'WEEK')).toEqual([
      { from: '2026-03-04', to: '2026-03-09' },
      { from: '2026-03-09', to: '2026-03-16' },
      { from: '2026-03-16', to: '2026-03-20' },
    ]);
  });

  it('cuts at calendar months and quarters, across a year end', () => {
    expect(seriesSlots('2025-11-15', '2026-02-01', 'MONTH')).toEqual([
      { from: '2025-11-15', to: '2025-12-01' },
      { from: '2025-12-01', to: '2026-01-01' },
      { from: '2026-01-01', to: '2026-02-01' },
    ]);
    expect(seriesSlots('2025-08-10', '2026-04-01', 'QUARTER')).toEqual([
      { from: '2025-08-10', to: '2025-10-01' },
      { from: '2025-10-01', to: '2026-01-01' },
      { from: '2026-01-01', to: '2026-04-01' },
    ]);
  });

  it('refuses more points than a chart can use', () => {
    expect(seriesSlots('2026-01-01', '2026-01-03', 'DAY')).toHaveLength(2);
    expect(() => seriesSlots('2020-01-01', '2026-01-01', 'DAY')).toThrow(expect.objectContaining({ code: 'series.too_many_points' }));
    expect(maxSeriesPoints).toBe(400);
  });
});
