import { describe, expect, it } from 'vitest';
import { businessDate, daysBetween, resolvePeriod, startOfBusinessDate, workingDays } from './business-time';
import { parseInstant } from './time';

describe('business time', () => {
  it('refuses a period on a day that does not exist instead of reading it as another day', () => {
    for (const from of ['2026-02-31', '2026-02-29', '2026-04-31T00:00:00Z', '2026-13-01']) {
      expect(() => resolvePeriod({ from, to: '2026-06-01' }), from).toThrow(expect.objectContaining({ kind: 'validation', code: 'period.invalid' }));
    }
    expect(resolvePeriod({ from: '2028-02-29', to: '2028-03-01' }).fromDate).toBe('2028-02-29');
  });

  it('refuses an instant on a day that does not exist', () => {
    expect(() => parseInstant('2026-02-31T00:00:00Z')).toThrow(expect.objectContaining({ code: 'input.invalid_instant' }));
    expect(parseInstant('2024-02-29T00:00:00Z').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('puts an instant late on the last UTC day of a month into the next month in Brisbane', () => {
    expect(businessDate('2026-03-31T15:30:00.000Z')).toBe('2026-04-01');
    expect(businessDate('2026-03-31T13:59:59.999Z')).toBe('2026-03-31');
  });

  it('starts a Brisbane business date at 14:00 UTC the day before', () => {
    expect(startOfBusinessDate('2026-04-01').toISOString()).toBe('2026-03-31T14:00:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(startOfBusinessDate('2026-01-15', 'Australia/Sydney').toISOString()).toBe('2026-01-14T13:00:00.000Z');
    expect(startOfBusinessDate('2026-07-15', 'Australia/Sydney').toISOString()).toBe('2026-07-14T14:00:00.000Z');
  });

  it('resolves a month given as dates into instants in the business zone', () => {
    expect(resolvePeriod({ from: '2026-04-01', to: '2026-05-01' })).toEqual({
      fromInstant: '2026-03-31T14:00:00.000Z',
      toInstant: '2026-04-30T14:00:00.000Z',
      fromDate: '2026-04-01',
      toDate: '2026-05-01',
      timeZone: 'Australia/Brisbane',
    });
  });

  it('rejects a period that ends before it starts, and malformed bounds', () => {
    expect(() => resolvePeriod({ from: '2026-05-01', to: '2026-04-01' })).toThrow(/must end after it starts/);
    expect(() => resolvePeriod({ from: 'last week', to: '2026-04-01' })).toThrow(/from must be a date/);
  });

  it('counts weekdays only, end exclusive', () => {
    expect(workingDays('2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDays('2026-03-01', '2026-04-01')).toBe(22);
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
  });
});
