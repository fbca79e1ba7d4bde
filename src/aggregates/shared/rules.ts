import { DomainRuleError, ValidationError } from '../../core/errors';
import { isIso4217 } from '../../core/money/iso-4217';

/** Throws a `DomainRuleError` with `code` unless `condition` holds. */
export function ensure(condition: boolean, code: string, message: string, details: Record<string, unknown> = {}): asserts condition {
  if (!condition) throw new DomainRuleError(code, message, details);
}

const calendarDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Money is integer cents with an ISO-4217 currency; the amount must be strictly positive. */
export function ensurePositiveMoney(amountCents: number, currency: string, code: string, field = 'amountCents'): void {
  ensure(Number.isSafeInteger(amountCents) && amountCents > 0, code, `${field} must be a positive whole number of cents, got ${amountCents}`, { field });
  ensureCurrency(currency);
}

export function ensureCurrency(currency: string): void {
  ensure(isIso4217(currency), 'money.invalid_currency', `currency must be an ISO-4217 code such as AUD, got "${currency}"`);
}

/**
 * A calendar date in the business time zone, `YYYY-MM-DD`, that exists (2026-02-31 is refused, not
 * read as March 3rd). Malformed input whatever the state: BAD_USER_INPUT, naming the field.
 */
export function ensureCalendarDate(value: string, field: string): void {
  const valid = calendarDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new ValidationError('input.invalid_date', `${field} must be a calendar date YYYY-MM-DD, got "${value}"`, { field });
}

export function ensureNonEmpty(value: string, field: string, code = 'input.required'): void {
  ensure(value.trim().length > 0, code, `${field} must not be empty`, { field });
}

/**
 * A client-chosen id (entry, payment, retainer…) sent again: the same facts are a retry (the
 * caller returns `[]`), other facts are refused with `<thing>.exists_with_other_facts`, naming the
 * command that changes what was recorded (`changedBy`), or saying that none does.
 */
export function ensureSameFacts(thing: string, id: string, recorded: Record<string, unknown>, sent: Record<string, unknown>, changedBy: string | null): void {
  const differing = Object.keys(sent).filter((key) => sent[key] !== undefined && sent[key] !== recorded[key]);
  if (differing.length === 0) return;
  const advice = changedBy ? `use ${changedBy.charAt(0).toLowerCase()}${changedBy.slice(1)} to change it` : 'no command changes it once recorded';
  throw new DomainRuleError(`${thing}.exists_with_other_facts`, `${thing.replace('_', ' ')} ${id} already exists with other facts (${differing.join(', ')}): ${advice}`, {
    changedBy,
    differing,
  });
}

/**
 * The latest calendar date anywhere on Earth at `instant` (UTC+14): a date after it is in the
 * future for everyone, whatever the business time zone. Deciders never read the clock: the
 * command's `occurredAt` is "now" for the fact.
 */
export function latestDateAt(instant: string): string {
  return new Date(Date.parse(instant) + 14 * 3_600_000).toISOString().slice(0, 10);
}
