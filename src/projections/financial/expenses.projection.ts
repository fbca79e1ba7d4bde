import type { ExpenseCategory, ExpenseEvent } from '../../aggregates/expense/expense.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import { occurredAt } from '../shared/event-instant';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';

/** One expense; `incurredOn` (accrual) and `paidOn` (cash) are business dates from the events. */
export interface ExpenseDocument extends ReadDocument {
  readonly expenseId: string;
  readonly category: ExpenseCategory;
  readonly amountCents: number;
  readonly currency: string;
  readonly incurredOn: string;
  readonly paidOn: string | null;
  readonly clientId: string | null;
  readonly projectId: string | null;
  readonly campaignId: string | null;
  readonly description: string;
  readonly recordedAt: string;
}

export const expensesCollection = 'expenses';

type Event = RecordedOf<ExpenseEvent>;

function recorded(event: RecordedOfType<ExpenseEvent, 'ExpenseRecorded'>, id: string): ExpenseDocument {
  const { data } = event;
  return {
    _id: id,
    expenseId: data.expenseId,
    category: data.category,
    amountCents: data.amountCents,
    currency: data.currency,
    incurredOn: data.incurredOn,
    // Cash out is the ExpensePaid event alone: an expense recorded as paid is followed by one.
    paidOn: null,
    clientId: data.clientId,
    projectId: data.projectId,
    campaignId: data.campaignId,
    description: data.description,
    recordedAt: occurredAt(event),
  };
}

/** One document per expense, for costs, margins, cash flow and marketing spend. */
export const expensesProjection: Projection<ExpenseDocument> = {
  name: expensesCollection,
  version: 1,
  handles: ['ExpenseRecorded', 'ExpensePaid'],
  documentIds: (event) => [(event.data as { expenseId: string }).expenseId],
  evolve(document, event, id) {
    const expense = event as Event;
    if (expense.type === 'ExpenseRecorded') return document ?? recorded(expense, id);
    return document === null ? null : { ...document, paidOn: expense.data.paidOn };
  },
  indexes: [
    { name: 'expenses_incurred_on', fields: ['incurredOn'] },
    { name: 'expenses_paid_on', fields: ['paidOn'] },
    { name: 'expenses_project', fields: ['projectId', 'incurredOn'] },
    { name: 'expenses_campaign', fields: ['campaignId', 'incurredOn'] },
  ],
};
