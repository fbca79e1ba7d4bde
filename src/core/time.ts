import { ValidationError } from './errors';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * True when `YYYY-MM-DD` (or the date part of an instant) names a day that exists: JavaScript's
 * Date would read 2026-02-31 as March 3rd.
 */
export function isCalendarDay(value: string): boolean {
  const day = value.slice(0, 10);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || month < 1 || month > 12 || date < 1) return false;
  return date <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO-8601 instant with an explicit offset on a day that exists; anything else is a validation error. */
export function parseInstant(value: string, field = 'occurredAt'): Date {
  const date = isoInstant.test(value) && isCalendarDay(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new ValidationError('input.invalid_instant', `${field} must be an ISO-8601 instant with a time zone, got "${value}"`, { field });
  }
  return date;
}

/** Normalises an ISO-8601 instant to UTC with milliseconds (`2026-01-02T03:04:05.000Z`). */
export function normaliseInstant(value: string, field = 'occurredAt'): string {
  return parseInstant(value, field).toISOString();
}
