import { DomainRuleError } from '../../core/errors';
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

/** A calendar date in the business time zone, `YYYY-MM-DD`. */
export function ensureCalendarDate(value: string, field: string): void {
  const valid = calendarDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  ensure(valid, 'input.invalid_date', `${field} must be a calendar date YYYY-MM-DD, got "${value}"`, { field });
}

export function ensureNonEmpty(value: string, field: string, code = 'input.required'): void {
  ensure(value.trim().length > 0, code, `${field} must not be empty`, { field });
}
