import type { DomainEvent } from '../../core/messages';

export const expenseCategories = ['tools', 'infrastructure', 'oauth_services', 'contractors', 'marketing', 'other'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];

/**
 * A cost, counted in the period it was incurred (accrual). `campaignId` ties marketing spend to a
 * campaign for CAC and ROI; `clientId`/`projectId` attribute it to margins.
 */
export type ExpenseRecorded = DomainEvent<
  'ExpenseRecorded',
  {
    expenseId: string;
    category: ExpenseCategory;
    amountCents: number;
    currency: string;
    /** Calendar dates in the business time zone. */
    incurredOn: string;
    paidOn: string | null;
    clientId: string | null;
    projectId: string | null;
    campaignId: string | null;
    description: string;
  }
>;

/**
 * Cash out. Every paid expense has exactly one of these, also when it was recorded as already paid,
 * so cash-flow projections count `ExpensePaid` alone.
 */
export type ExpensePaid = DomainEvent<
  'ExpensePaid',
  { expenseId: string; paidOn: string; amountCents: number; currency: string; category: ExpenseCategory }
>;

export type ExpenseEvent = ExpenseRecorded | ExpensePaid;
