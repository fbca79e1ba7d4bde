import { describe, expect, it } from 'vitest';
import { addMonths, midnightIn, monthsOf, periodChoices, todayIn } from './period';

const choice = (id: string) => periodChoices.find((one) => one.id === id)!;

describe('periods in the business time zone', () => {
  it("takes today's date in the business zone, not the browser's", () => {
    // 2026-03-31T20:00Z is already 1 April in Brisbane (UTC+10) and still 31 March in London.
    const instant = new Date('2026-03-31T20:00:00Z');

    expect(todayIn('Australia/Brisbane', instant)).toBe('2026-04-01');
    expect(todayIn('Europe/London', instant)).toBe('2026-03-31');
  });

  it('gives the last 12 months as whole months ending with the current one (to exclusive)', () => {
    expect(choice('last-12-months').period('2026-12-06')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(choice('this-quarter').period('2026-05-31')).toEqual({ from: '2026-04-01', to: '2026-07-01' });
    expect(choice('last-month').period('2026-01-15')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('splits a period into months for a trend, at most the last 24', () => {
    expect(monthsOf({ from: '2026-11-15', to: '2027-01-01' })).toEqual([
      { from: '2026-11-01', to: '2026-12-01' },
      { from: '2026-12-01', to: '2027-01-01' },
    ]);
    expect(monthsOf({ from: '2020-01-01', to: '2026-01-01' })).toHaveLength(24);
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  it('finds the instant of a business midnight, daylight saving included', () => {
    expect(midnightIn('2026-03-01', 'Australia/Brisbane')).toBe('2026-02-28T14:00:00.000Z');
    // Sydney is UTC+11 in summer, UTC+10 in winter.
    expect(midnightIn('2026-01-15', 'Australia/Sydney')).toBe('2026-01-14T13:00:00.000Z');
    expect(midnightIn('2026-07-15', 'Australia/Sydney')).toBe('2026-07-14T14:00:00.000Z');
  });
});
