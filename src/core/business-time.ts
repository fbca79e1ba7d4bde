import { ValidationError } from './errors';
import { isCalendarDay } from './time';

export const defaultTimeZone = 'Australia/Brisbane';

/** A KPI period: `from` inclusive, `to` exclusive; dates are midnights in the business time zone. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface ResolvedPeriod {
  /** Inclusive start instant (ISO, UTC). */
  readonly fromInstant: string;
  /** Exclusive end instant (ISO, UTC). */
  readonly toInstant: string;
  /** First business date in the period. */
  readonly fromDate: string;
  /** First business date after the period (exclusive); a period ending mid-day includes that day. */
  readonly toDate: string;
  readonly timeZone: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string): { date: string; utcMillisAsIfLocal: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, utcMillisAsIfLocal: Date.parse(`${date}T${parts.hour}:${parts.minute}:${parts.second}Z`) };
}

const instantDates = new Map<string, string>();

/** The calendar date of an instant in the business time zone. Remembered for instants given as strings: KPIs ask for the same ones request after request. */
export function businessDate(instant: string | Date, timeZone = defaultTimeZone): string {
  if (typeof instant !== 'string') return wallClock(instant, timeZone).date;
  const key = `${timeZone} ${instant}`;
  let date = instantDates.get(key);
  if (date === undefined) {
    date = wallClock(new Date(instant), timeZone).date;
    if (instantDates.size >= 100_000) instantDates.clear();
    instantDates.set(key, date);
  }
  return date;
}

const midnights = new Map<string, number>();

/** The instant at which a business date starts (its local midnight). Remembered: KPIs ask often. */
export function startOfBusinessDate(date: string, timeZone = defaultTimeZone): Date {
  const key = `${timeZone} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    midnight = computeStartOfBusinessDate(date, timeZone);
    if (midnights.size >= 100_000) midnights.clear();
    midnights.set(key, midnight);
  }
  return new Date(midnight);
}

function computeStartOfBusinessDate(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let instant = guess;
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(new Date(instant), timeZone).utcMillisAsIfLocal - instant;
    instant = guess - offset;
  }
  return instant;
}

/** Whole calendar days from date `a` to date `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Monday-to-Friday days in [fromDate, toDate). */
export function workingDays(fromDate: string, toDate: string): number {
  let count = 0;
  for (let date = fromDate; date < toDate; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

function toInstant(value: string, field: string, timeZone: string): Date {
  const exists = !/^\d{4}-\d{2}-\d{2}/.test(value) || isCalendarDay(value);
  const instant = !exists ? new Date(Number.NaN) : datePattern.test(value) ? startOfBusinessDate(value, timeZone) : new Date(value);
  if (Number.isNaN(instant.getTime()) || !(datePattern.test(value) || value.includes('T'))) {
    throw new ValidationError('period.invalid', `${field} must be a date YYYY-MM-DD or an ISO-8601 instant, got "${value}"`, { field });
  }
  return instant;
}

export function resolvePeriod(period: Period, timeZone = defaultTimeZone): ResolvedPeriod {
  const from = toInstant(period.from, 'from', timeZone);
  const to = toInstant(period.to, 'to', timeZone);
  if (to.getTime() <= from.getTime()) {
    throw new ValidationError('period.empty', `Period must end after it starts: from ${period.from}, to ${period.to}`);
  }
  const lastInstant = new Date(to.getTime() - 1);
  return {
    fromInstant: from.toISOString(),
    toInstant: to.toISOString(),
    fromDate: businessDate(from, timeZone),
    toDate: addDays(businessDate(lastInstant, timeZone), 1),
    timeZone,
  };
}

/** True when a business date falls in the period's dates. */
export function dateInPeriod(date: string, period: ResolvedPeriod): boolean {
  return date >= period.fromDate && date < period.toDate;
}

/** True when an instant falls in [fromInstant, toInstant). ISO UTC strings compare as instants. */
export function instantInPeriod(instant: string, period: ResolvedPeriod): boolean {
  return instant >= period.fromInstant && instant < period.toInstant;
}
