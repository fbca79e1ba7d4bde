import { describe, expect, it } from 'vitest';
import { occurrencesBetween, parseWeeklySchedule, previousWeek } from './weekly-schedule';

const mondays = parseWeeklySchedule('MON 08:00', 'Australia/Brisbane');
const at = (local: string) => new Date(`${local}+10:00`);

describe('weekly schedule', () => {
  it('reads a weekday and a local time', () => {
    expect(mondays).toEqual({ weekday: 1, minute: 480, timeZone: 'Australia/Brisbane' });
    expect(() => parseWeeklySchedule('monday at 8', 'UTC')).toThrow(/MON 08:00/);
  });

  it('finds the occurrences after the last one handled, up to now inclusive', () => {
    const found = occurrencesBetween(mondays, at('2026-03-02T08:00:00'), at('2026-03-16T08:00:00'));
    expect(found).toEqual([at('2026-03-09T08:00:00'), at('2026-03-16T08:00:00')]);
  });

  it('finds nothing before the time of day has come', () => {
    expect(occurrencesBetween(mondays, at('2026-03-02T09:00:00'), at('2026-03-09T07:59:59'))).toEqual([]);
  });

  it('reports on the seven days before the occurrence', () => {
    expect(previousWeek(at('2026-03-09T08:00:00'), 'Australia/Brisbane')).toEqual({ from: '2026-03-02', to: '2026-03-09' });
  });
});
