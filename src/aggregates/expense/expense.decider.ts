import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureCalendarDate, ensurePositiveMoney, ensureSameFacts } from '../shared/rules';
import type { ExpenseCommand, MarkExpensePaid, RecordExpense } from './expense.commands';
import { expenseCategories, type ExpenseCategory, type ExpenseEvent } from './expense.events';

export type ExpenseState =
  | { status: 'none' }
  | { status: 'unpaid' | 'paid'; expenseId: string; category: ExpenseCategory; amountCents: number; currency: string; incurredOn: string; paidOn: string | null };

export const expenseStream = (expenseId: string) => streamName('Expense', expenseId);

export const expenseDecider: Decider<ExpenseCommand, ExpenseEvent, ExpenseState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordExpense':
        return record(command, state);
      case 'MarkExpensePaid':
        return markPaid(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ExpenseRecorded': {
        const { expenseId, category, amountCents, currency, incurredOn } = event.data;
        return { status: 'unpaid', expenseId, category, amountCents, currency, incurredOn, paidOn: null };
      }
      case 'ExpensePaid':
        return state.status === 'none' ? state : { ...state, status: 'paid', paidOn: event.data.paidOn };
      default:
        return state;
    }
  },
};

/** An expense recorded as already paid also yields its `ExpensePaid`. */
function record({ data }: RecordExpense, state: ExpenseState): ExpenseEvent[] {
  if (state.status !== 'none') {
    const { category, amountCents, currency, incurredOn } = data;
    ensureSameFacts('expense', data.expenseId, state, { category, amountCents, currency, incurredOn }, null);
    return [];
  }
  const categories: readonly string[] = expenseCategories;
  ensure(categories.includes(data.category), 'expense.invalid_category', `category must be one of ${expenseCategories.join(', ')}, got "${data.category}"`);
  ensurePositiveMoney(data.amountCents, data.currency, 'expense.invalid_amount');
  ensureCalendarDate(data.incurredOn, 'incurredOn');
  const paidOn = data.paidOn ?? null;
  if (paidOn !== null) ensureCalendarDate(paidOn, 'paidOn');
  const { expenseId, category, amountCents, currency, incurredOn } = data;
  const links = { clientId: data.clientId ?? null, projectId: data.projectId ?? null, campaignId: data.campaignId ?? null };
  const recorded: ExpenseEvent = {
    type: 'ExpenseRecorded',
    data: { expenseId, category, amountCents, currency, incurredOn, paidOn, ...links, description: data.description ?? '' },
  };
  if (paidOn === null) return [recorded];
  return [recorded, { type: 'ExpensePaid', data: { expenseId, paidOn, amountCents, currency, category } }];
}

function markPaid({ data }: MarkExpensePaid, state: ExpenseState): ExpenseEvent[] {
  ensure(state.status !== 'none', 'expense.not_recorded', `Expense ${data.expenseId} has not been recorded`);
  ensureCalendarDate(data.paidOn, 'paidOn');
  if (state.status === 'paid') {
    ensure(state.paidOn === data.paidOn, 'expense.already_paid', `Expense ${data.expenseId} was already paid on ${state.paidOn}`);
    return [];
  }
  const { expenseId, category, amountCents, currency } = state;
  return [{ type: 'ExpensePaid', data: { expenseId, paidOn: data.paidOn, amountCents, currency, category } }];
}
