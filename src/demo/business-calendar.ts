import { addDays } from '../core/business-time';

/**
 * Queensland keeps no daylight saving, so Brisbane is UTC+10 all year: a fixed offset gives exact
 * instants without `Intl`, which matters when a million of them are generated.
 */
const brisbaneOffsetMs = 10 * 3_600_000;
const minuteMs = 60_000;
export const dayMs = 86_400_000;

export const openingMinute = 8 * 60;
export const closingMinute = 18 * 60;

export { addDays };

/** The instant (UTC ms) at which a Brisbane calendar date starts. */
export function startOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - brisbaneOffsetMs;
}

/** The instant of `minute` minutes after Brisbane midnight of `date`. */
export function instantOn(date: string, minute: number): number {
  return startOfDate(date) + Math.round(minute * minuteMs);
}

export function dateOf(instant: number): string {
  return new Date(instant + brisbaneOffsetMs).toISOString().slice(0, 10);
}

export function isoOf(instant: number): string {
  return new Date(instant).toISOString();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** Queensland public holidays of a year (the fixed ones, Easter, Labour Day, King's Birthday). */
export function publicHolidays(year: number): ReadonlySet<string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const fixed = ['01-01', '01-26', '04-25', '12-25', '12-26'].map((day) => `${year}-${day}`);
    holidays = new Set([...fixed, addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), firstMonday(year, 10)]);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

export function isPublicHoliday(date: string): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The working day `count` working days after `date`. */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0; left--) day = workingDayFrom(addDays(day, 1));
  return day;
}

/** An instant `minutes` of business time (08:00–18:00 on working days) after `instant`. */
export function addBusinessMinutes(instant: number, minutes: number): number {
  let date = dateOf(instant);
  let minute = (instant - startOfDate(date)) / minuteMs;
  let left = minutes;
  for (;;) {
    if (!isWorkingDay(date) || minute >= closingMinute) {
      date = workingDayFrom(addDays(date, 1));
      minute = openingMinute;
      continue;
    }
    minute = Math.max(minute, openingMinute);
    if (minute + left < closingMinute) return instantOn(date, minute + left);
    left -= closingMinute - minute;
    minute = closingMinute;
  }
}

function firstMonday(year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekdayOf(date) !== 1) date = addDays(date, 1);
  return date;
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
