import { ValidationError } from '../core/errors';
import type { Command } from '../core/messages';

/** The dates a fact may carry: `FACT_EARLIEST_DATE` and `FACT_MAX_DAYS_AHEAD` (of the clock). */
export interface FactWindow {
  /** `YYYY-MM-DD`: nothing the business records happened before it. */
  readonly earliestDate: string;
  /** Days after today a date may lie (a due date, a project's end); later is a typo or junk. */
  readonly maxDaysAhead: number;
}

export const defaultFactWindow: FactWindow = { earliestDate: '2000-01-01', maxDaysAhead: 1_096 };

const dateLike = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/**
 * Refuses a command whose `occurredAt`, or any date or instant among its top-level fields, lies
 * outside the window (`input.date_out_of_range`, BAD_USER_INPUT, naming the field). Deciders keep
 * the finer rules (a work date not after its day, a payment not before its invoice).
 */
export function ensureInFactWindow(command: Command, window: FactWindow, now: Date): void {
  const latest = new Date(now.getTime() + window.maxDaysAhead * 86_400_000).toISOString().slice(0, 10);
  const fields: Array<[string, unknown]> = [['occurredAt', command.occurredAt], ...Object.entries(command.data)];
  for (const [field, value] of fields) {
    if (typeof value !== 'string' || !dateLike.test(value)) continue;
    const day = value.slice(0, 10);
    if (day >= window.earliestDate && day <= latest) continue;
    throw new ValidationError('input.date_out_of_range', `${field} ${value} is outside the dates this business records (${window.earliestDate} to ${latest})`, {
      field,
      earliestDate: window.earliestDate,
      latestDate: latest,
    });
  }
}
