import { addDays, businessDate, workingDays } from '../../core/business-time';
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
  const timeOff = timeOffByDate(consultant);
  const capacities = capacityChanges(consultant, timeZone);
  let total = 0;
  for (const active of activeRanges(consultant, timeZone)) {
    for (let date = later(active.from, range.from); date < earlier(active.to, range.to); date = addDays(date, 1)) {
      if (workingDays(date, addDays(date, 1)) === 0) continue;
      const capacity = thousandths(capacityOn(capacities, date)) / 5;
      total += Math.max(0, capacity - (timeOff.get(date) ?? 0));
    }
  }
  return total / 1000;
}

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

/** A change made at any moment of a day sets that day's capacity. */
function capacityOn(changes: ReadonlyArray<{ date: string; weeklyCapacityHours: number }>, date: string): number {
  let capacity = 0;
  for (const change of changes) if (change.date <= date) capacity = change.weeklyCapacityHours;
  return capacity;
}

function timeOffByDate(consultant: ConsultantDocument): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const timeOff of consultant.timeOff) byDate.set(timeOff.date, (byDate.get(timeOff.date) ?? 0) + thousandths(timeOff.hours));
  return byDate;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
