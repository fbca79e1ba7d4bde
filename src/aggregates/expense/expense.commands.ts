import type { Command } from '../../core/messages';
import type { ExpenseCategory } from './expense.events';

/** `expenseId` is the expense's id in the accounting tool: recording it twice is a no-op. */
export type RecordExpense = Command<
  'RecordExpense',
  {
    expenseId: string;
    category: ExpenseCategory;
    amountCents: number;
    currency: string;
    incurredOn: string;
    paidOn?: string | null;
    clientId?: string | null;
    projectId?: string | null;
    campaignId?: string | null;
    description?: string;
  }
>;

export type MarkExpensePaid = Command<'MarkExpensePaid', { expenseId: string; paidOn: string }>;

export type ExpenseCommand = RecordExpense | MarkExpensePaid;
