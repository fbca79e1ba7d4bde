import { addDays, businessDate, startOfBusinessDate } from '../../core/business-time';
import { ValidationError } from '../../core/errors';

/** Opening hours on given weekdays (0 = Sunday … 6 = Saturday) in a time zone. */
export interface BusinessHours {
  readonly timeZone: string;
  readonly days: readonly number[];
  /** Minutes after local midnight. */
  readonly opensAt: number;
  readonly closesAt: number;
}

export const weekdayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const hoursPattern = /^([A-Z]{3})(?:-([A-Z]{3}))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** `"MON-FRI 09:00-17:00"`: a weekday range and opening hours. */
export function parseBusinessHours(text: string, timeZone: string): BusinessHours {
  const match = hoursPattern.exec(text.trim().toUpperCase());
  const first = match ? weekdayNames.indexOf(match[1] as (typeof weekdayNames)[number]) : -1;
  const last = match?.[2] ? weekdayNames.indexOf(match[2] as (typeof weekdayNames)[number]) : first;
  const opensAt = match ? Number(match[3]) * 60 + Number(match[4]) : NaN;
  const closesAt = match ? Number(match[5]) * 60 + Number(match[6]) : NaN;
  if (first < 0 || last < 0 || !(opensAt < closesAt) || closesAt > 24 * 60) {
    throw new ValidationError('workflow.invalid_business_hours', `Business hours look like MON-FRI 09:00-17:00, got "${text}"`);
  }
  const days: number[] = [];
  for (let day = first; ; day = (day + 1) % 7) {
    days.push(day);
    if (day === last) break;
  }
  return { timeZone, days, opensAt, closesAt };
}

const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const minuteMs = 60_000;

/**
 * The instant `hours` of business time after `start`: time outside opening hours does not count,
 * so 2 hours from Friday 16:00 (09:00–17:00) is Monday 10:00. A start outside hours begins at the
 * next opening.
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessHours): Date {
  let remaining = hours * 60;
  let cursor = start.getTime();
  for (let day = 0; day < 3_660; day++) {
    const date = businessDate(new Date(cursor), calendar.timeZone);
    const midnight = startOfBusinessDate(date, calendar.timeZone).getTime();
    if (calendar.days.includes(weekdayOf(date))) {
      const from = Math.max(cursor, midnight + calendar.opensAt * minuteMs);
      const close = midnight + calendar.closesAt * minuteMs;
      if (from < close) {
        const available = (close - from) / minuteMs;
        if (remaining <= available) return new Date(from + remaining * minuteMs);
        remaining -= available;
      }
    }
    cursor = startOfBusinessDate(addDays(date, 1), calendar.timeZone).getTime();
  }
  throw new ValidationError('workflow.business_hours_unreachable', `No business hours found within ten years of ${start.toISOString()}`);
}
