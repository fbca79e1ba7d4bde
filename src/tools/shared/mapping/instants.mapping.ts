import { businessDate, defaultTimeZone, startOfBusinessDate } from '../../../core/business-time';
import type { Json } from '../../../core/read-store.port';
import { payloadInvalid } from './payload.reader';

/**
 * Translators are pure functions of the delivery, so they use the business zone of the KPI
 * contract (Australia/Brisbane) rather than configuration read at run time.
 */
export const ingestTimeZone = defaultTimeZone;

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const zoned = /(Z|[+-]\d{2}:?\d{2})$/;

/** Unix seconds (fractions allowed, as Chatwoot's `updated_at`) as an ISO UTC instant. */
export function fromUnixSeconds(value: number, path: string): string {
  const millis = Math.round(value * 1000);
  if (!Number.isFinite(millis) || millis <= 0) throw payloadInvalid(path, 'Unix seconds', value);
  return new Date(millis).toISOString();
}

/** An ISO-8601 instant; one without a zone is UTC (Xero's `eventDateUtc` has no `Z`). */
export function fromIsoInstant(value: string, path: string): string {
  const text = zoned.test(value) ? value : `${value}Z`;
  const date = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value) ? new Date(text.replace(' ', 'T')) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw payloadInvalid(path, 'an ISO-8601 instant', value);
  return date.toISOString();
}

/** A calendar fact (issued on, paid on) happens at the start of its date in the business zone. */
export function startOfDate(date: string, path: string): string {
  return startOfBusinessDate(calendarDateOf(date, path), ingestTimeZone).toISOString();
}

export function calendarDateOf(value: Json | undefined, path: string): string {
  if (typeof value !== 'string' || !calendarDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw payloadInvalid(path, 'a date YYYY-MM-DD', value);
  }
  return value;
}

/** The business date on which an instant falls (work dates of time entries). */
export function businessDateOf(instant: string): string {
  return businessDate(instant, ingestTimeZone);
}
