import { describe, expect, it } from 'vitest';
import type { BusinessCommand } from '.';
import { defaultFactWindow, ensureInFactWindow } from './fact-window';

const now = new Date('2026-12-06T00:00:00.000Z');
const issue = (issuedOn: string, occurredAt = '2026-12-01T00:00:00.000Z'): BusinessCommand => ({
  type: 'IssueInvoice',
  occurredAt,
  data: { invoiceId: 'i-1', clientId: 'c-1', number: 'INV-1', amountCents: 100, currency: 'AUD', issuedOn, dueOn: '2026-12-31', kind: 'ONE_OFF' },
});

describe('the window of dates a fact may carry', () => {
  it('lets dates between the earliest date and the days ahead through', () => {
    expect(() => ensureInFactWindow(issue('2026-11-30'), defaultFactWindow, now)).not.toThrow();
  });

  it('refuses a date field in year 9999 as bad input naming the field', () => {
    expect(() => ensureInFactWindow(issue('9999-01-01'), defaultFactWindow, now)).toThrow(expect.objectContaining({ kind: 'validation', code: 'input.date_out_of_range', details: expect.objectContaining({ field: 'issuedOn' }) }));
  });

  it('refuses an occurredAt before the earliest date', () => {
    expect(() => ensureInFactWindow(issue('2026-11-30', '1970-01-01T00:00:00.000Z'), defaultFactWindow, now)).toThrow(expect.objectContaining({ code: 'input.date_out_of_range', details: expect.objectContaining({ field: 'occurredAt' }) }));
  });

  it('follows a configured window', () => {
    expect(() => ensureInFactWindow(issue('2026-11-30'), { earliestDate: '2026-12-01', maxDaysAhead: 30 }, now)).toThrow(expect.objectContaining({ code: 'input.date_out_of_range' }));
  });
});
