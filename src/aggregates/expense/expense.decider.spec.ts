import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ExpenseCommand, RecordExpense } from './expense.commands';
import { expenseDecider } from './expense.decider';
import type { ExpenseCategory, ExpenseEvent } from './expense.events';

const spec = deciderSpec(expenseDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';

const record = (overrides: Partial<RecordExpense['data']> = {}): ExpenseCommand => ({
  type: 'RecordExpense',
  occurredAt,
  data: { expenseId: 'x-1', category: 'marketing', amountCents: 45_000, currency: 'AUD', incurredOn: '2026-03-01', campaignId: 'cmp-3', description: 'LinkedIn ads', ...overrides },
});
const recorded = (paidOn: string | null = null): ExpenseEvent => ({
  type: 'ExpenseRecorded',
  data: {
    expenseId: 'x-1',
    category: 'marketing',
    amountCents: 45_000,
    currency: 'AUD',
    incurredOn: '2026-03-01',
    paidOn,
    clientId: null,
    projectId: null,
    campaignId: 'cmp-3',
    description: 'LinkedIn ads',
  },
});
const paid = (paidOn: string): ExpenseEvent => ({ type: 'ExpensePaid', data: { expenseId: 'x-1', paidOn, amountCents: 45_000, currency: 'AUD', category: 'marketing' } });
const markPaid = (paidOn: string): ExpenseCommand => ({ type: 'MarkExpensePaid', occurredAt, data: { expenseId: 'x-1', paidOn } });

describe('expense decider', () => {
  it('records an unpaid expense against a campaign', () => spec.given([]).when(record()).then([recorded()]));

  it('treats the same expense recorded again as a no-op, and refuses its id reused with another amount', () => {
    spec.given([recorded()]).when(record()).thenNothingHappens();
    spec.given([recorded()]).when(record({ amountCents: 1 })).thenRejects('expense.exists_with_other_facts');
  });

  it('records an expense paid on the spot together with its payment', () =>
    spec.given([]).when(record({ paidOn: '2026-03-01' })).then([recorded('2026-03-01'), paid('2026-03-01')]));

  it('records an expense attributed to a client and project', () =>
    spec
      .given([])
      .when(record({ category: 'contractors', clientId: 'c-1', projectId: 'p-1', campaignId: null, description: undefined }))
      .then([
        {
          type: 'ExpenseRecorded',
          data: { expenseId: 'x-1', category: 'contractors', amountCents: 45_000, currency: 'AUD', incurredOn: '2026-03-01', paidOn: null, clientId: 'c-1', projectId: 'p-1', campaignId: null, description: '' },
        },
      ]));

  it('rejects a category outside the known ones', () =>
    spec.given([]).when(record({ category: 'travel' as ExpenseCategory })).thenRejects('expense.invalid_category'));

  it('rejects an amount that is not a positive whole number of cents', () => {
    for (const amountCents of [0, -1, 0.5]) spec.given([]).when(record({ amountCents })).thenRejects('expense.invalid_amount');
  });

  it('rejects an amount without an ISO currency', () => spec.given([]).when(record({ currency: '$' })).thenRejects('money.invalid_currency'));

  it('rejects dates that are not calendar dates', () => {
    spec.given([]).when(record({ incurredOn: '2026-13-01' })).thenRejects('input.invalid_date');
    spec.given([]).when(record({ paidOn: 'yesterday' })).thenRejects('input.invalid_date');
  });

  it('marks a recorded expense paid', () => spec.given([recorded()]).when(markPaid('2026-03-15')).then([paid('2026-03-15')]));

  it('treats paying an expense again on the same date as a no-op', () =>
    spec.given([recorded(), paid('2026-03-15')]).when(markPaid('2026-03-15')).thenNothingHappens());

  it('treats paying an expense recorded as paid as a no-op', () =>
    spec.given([recorded('2026-03-01'), paid('2026-03-01')]).when(markPaid('2026-03-01')).thenNothingHappens());

  it('rejects paying an expense again on another date', () =>
    spec.given([recorded(), paid('2026-03-15')]).when(markPaid('2026-03-16')).thenRejects('expense.already_paid'));

  it('rejects paying an expense that was never recorded', () => spec.given([]).when(markPaid('2026-03-15')).thenRejects('expense.not_recorded'));
});
