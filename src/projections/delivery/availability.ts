import { addDays, businessDate } from '../../core/business-time';
import type { ConsultantDocument } from './consultants.projection';

/** Business dates [from, to), `to` exclusive. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

// Hours are in hundredths and a day is a fifth of a week, so thousandths of an hour keep every
// daily capacity and every time off an exact integer.
const thousandths = (hours: number) => Math.round(hours * 1000);

/**
 * Hours a consultant could work over business dates [from, to): on each Monday-to-Friday date at
 * some moment of which the consultant was active, the weekly capacity last in effect that day ÷ 5,
 * less that day's time off (a day never goes below 0; time off on other days reduces nothing).
 * Public holidays are not known here: they are recorded as time off.
 */
export function availableHours(consultant: ConsultantDocument, range: DateRange, timeZone: string): number {
  const { timeOff, capacities, active: activeDays } = calendarOf(consultant, timeZone);
  const [rangeFrom, rangeTo] = [dayNumber(range.from), dayNumber(range.to)];
  let total = 0;
  for (const active of activeDays) {
    const to = Math.min(active.to, rangeTo);
    // Day numbers, not date strings: a ten-year period is 3,650 steps per consultant, each a few additions.
    let next = 0;
    let capacity = 0;
    for (let day = Math.max(active.from, rangeFrom); day < to; day++) {
      while (next < capacities.length && capacities[next]!.day <= day) capacity = capacities[next++]!.capacity;
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday: 0 is Sunday, 6 Saturday.
      if (weekday === 0 || weekday === 6) continue;
      total += Math.max(0, capacity - (timeOff.get(day) ?? 0));
    }
  }
  return total / 1000;
}

interface Calendar {
  /** Time off per day number, in thousandths of an hour. */
  readonly timeOff: ReadonlyMap<number, number>;
  /** Daily capacity in thousandths of an hour from each day number on, in order. */
  readonly capacities: ReadonlyArray<{ readonly day: number; readonly capacity: number }>;
  /** Active ranges as day numbers [from, to). */
  readonly active: ReadonlyArray<{ readonly from: number; readonly to: number }>;
}

/** A consultant's days as numbers, worked out once per document and time zone (a series asks for each of its points). */
function calendarOf(consultant: ConsultantDocument, timeZone: string): Calendar {
  const known = calendars.get(consultant);
  if (known?.timeZone === timeZone) return known.calendar;
  const calendar: Calendar = {
    timeOff: timeOffByDay(consultant),
    capacities: capacityChanges(consultant, timeZone).map((change) => ({ day: dayNumber(change.date), capacity: thousandths(change.weeklyCapacityHours) / 5 })),
    active: activeRanges(consultant, timeZone).map((active) => ({ from: dayNumber(active.from), to: dayNumber(active.to) })),
  };
  calendars.set(consultant, { timeZone, calendar });
  return calendar;
}

// Read documents are never changed in place: the projection folds a new one for each event.
const calendars = new WeakMap<ConsultantDocument, { readonly timeZone: string; readonly calendar: Calendar }>();

/** Days since 1970-01-01 of a calendar date (`9999-12-31` stays far in the future). */
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** The business dates a consultant was active at some moment of: the last is the day before the deactivation instant. */
export function activeRanges(consultant: ConsultantDocument, timeZone: string): DateRange[] {
  return consultant.activeIntervals.map((interval) => ({
    from: businessDate(interval.from, timeZone),
    to: interval.to === null ? '9999-12-31' : addDays(businessDate(new Date(Date.parse(interval.to) - 1), timeZone), 1),
  }));
}

export function isActiveDuring(consultant: ConsultantDocument, range: DateRange, timeZone: string): boolean {
  return activeRanges(consultant, timeZone).some((active) => active.from < range.to && active.to > range.from);
}

function capacityChanges(consultant: ConsultantDocument, timeZone: string): Array<{ date: string; weeklyCapacityHours: number }> {
  return consultant.capacityHistory.map((change) => ({ date: businessDate(change.from, timeZone), weeklyCapacityHours: change.weeklyCapacityHours }));
}

/** Time off per day number, in thousandths of an hour. */
function timeOffByDay(consultant: ConsultantDocument): Map<number, number> {
  const byDay = new Map<number, number>();
  for (const timeOff of consultant.timeOff) {
    const day = dayNumber(timeOff.date);
    byDay.set(day, (byDay.get(day) ?? 0) + thousandths(timeOff.hours));
  }
  return byDay;
}

