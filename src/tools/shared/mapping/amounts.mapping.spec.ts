import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors';
import { hoursFromMinutes, hoursFromSeconds, toCents } from './amounts.mapping';
import { fromIsoInstant, fromUnixSeconds, startOfDate } from './instants.mapping';

describe('amounts', () => {
  it('turns decimal strings and JSON numbers into exact cents', () => {
    expect([toCents('2380.00', 'a'), toCents(2380.0, 'a'), toCents(19.99, 'a'), toCents(0.1 + 0.7, 'a'), toCents('1234.5', 'a'), toCents('7', 'a')]).toEqual([
      238_000, 238_000, 1_999, 80, 123_450, 700,
    ]);
  });

  it('rounds a third decimal half away from zero', () => {
    expect([toCents('10.005', 'a'), toCents('10.004', 'a'), toCents('-10.005', 'a')]).toEqual([1_001, 1_000, -1_001]);
  });

  it('refuses what is not a plain decimal', () => {
    for (const value of ['12,50', '1e3', '', null, true, Number.NaN, 1e21]) {
      let thrown: unknown;
      try {
        toCents(value as never, 'payload.amount');
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(value)).toBeInstanceOf(AppError);
    }
  });

  it('keeps hours in hundredths, from seconds and from minutes', () => {
    expect([hoursFromSeconds(5_400), hoursFromSeconds(1_000), hoursFromSeconds(17), hoursFromMinutes(90), hoursFromMinutes(20)]).toEqual([1.5, 0.28, 0, 1.5, 0.33]);
  });
});

describe('instants', () => {
  it('reads Unix seconds with fractions, and ISO instants with or without a zone as UTC', () => {
    expect([
      fromUnixSeconds(1_779_963_000.87, 'a'),
      fromIsoInstant('2026-06-02T09:31:04.198', 'a'),
      fromIsoInstant('2026-05-20T09:20:41.249292Z', 'a'),
      fromIsoInstant('2026-03-31T11:44:41.249292+00:00', 'a'),
      fromIsoInstant('2026-05-27T10:00:03+02:00', 'a'),
    ]).toEqual(['2026-05-28T10:10:00.870Z', '2026-06-02T09:31:04.198Z', '2026-05-20T09:20:41.249Z', '2026-03-31T11:44:41.249Z', '2026-05-27T08:00:03.000Z']);
  });

  it('places a calendar fact at the start of its date in Brisbane', () => expect(startOfDate('2026-06-02', 'a')).toBe('2026-06-01T14:00:00.000Z'));
});
