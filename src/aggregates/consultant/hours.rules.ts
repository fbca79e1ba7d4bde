import { ensure } from '../shared/rules';

/**
 * Hours are decimals with at most two places (0.01 h = 36 s), like cents for money: projections can
 * sum them exactly as whole hundredths. Translators round tool durations to hundredths.
 */
export function ensureHours(hours: number, max: number, code: string, field = 'hours'): void {
  const hundredths = hours * 100;
  const valid = Number.isFinite(hours) && hours > 0 && hours <= max && Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
  ensure(valid, code, `${field} must be more than 0 and at most ${max}, in hundredths of an hour, got ${hours}`, { field });
}

/** An hourly rate in whole cents; zero is allowed (an unpaid founder's cost, internal work's bill rate). */
export function ensureRateCents(rateCents: number, code: string, field: string): void {
  ensure(Number.isSafeInteger(rateCents) && rateCents >= 0, code, `${field} must be a whole number of cents, 0 or more, got ${rateCents}`, { field });
}
