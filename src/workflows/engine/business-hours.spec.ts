import { describe, expect, it } from 'vitest';
import { addBusinessHours, parseBusinessHours } from './business-hours';

const brisbane = parseBusinessHours('MON-FRI 09:00-17:00', 'Australia/Brisbane');
/** Brisbane is UTC+10 all year (no daylight saving). */
const at = (local: string) => new Date(`${local}+10:00`);

describe('business hours', () => {
  it('reads a weekday range and opening hours', () => {
    expect(brisbane).toEqual({ timeZone: 'Australia/Brisbane', days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020 });
  });

  it('refuses hours that close before they open', () => {
    expect(() => parseBusinessHours('MON-FRI 17:00-09:00', 'UTC')).toThrow(/MON-FRI 09:00-17:00/);
  });

  it('adds hours within one working day', () => {
    expect(addBusinessHours(at('2026-03-02T10:15:00'), 4, brisbane)).toEqual(at('2026-03-02T14:15:00'));
  });

  it('carries the rest of the hours over to the next working day', () => {
    expect(addBusinessHours(at('2026-03-02T15:00:00'), 4, brisbane)).toEqual(at('2026-03-03T11:00:00'));
  });

  it('skips the weekend: 2 hours from Friday 16:00 is Monday 10:00', () => {
    expect(addBusinessHours(at('2026-03-06T16:00:00'), 2, brisbane)).toEqual(at('2026-03-09T10:00:00'));
  });

  it('starts counting at the next opening when a ticket arrives out of hours', () => {
    expect(addBusinessHours(at('2026-03-07T11:00:00'), 1, brisbane)).toEqual(at('2026-03-09T10:00:00'));
    expect(addBusinessHours(at('2026-03-02T06:30:00'), 8, brisbane)).toEqual(at('2026-03-02T17:00:00'));
  });
});
