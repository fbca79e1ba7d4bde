import type { Projection } from '../../core/projection';
import { clientsProjection } from './clients.projection';
import { expensesProjection } from './expenses.projection';
import { invoicesProjection } from './invoices.projection';
import { invoiceSumsProjection } from './invoice.sums';

export * from './clients.projection';
export * from './invoices.projection';
export * from './expenses.projection';
export { isActiveAt, tierAt, tierOn, clientMrrAt, firstYearRetainerValueCents, type MrrChange, type MrrMovementKind } from './client-timeline';
export * from './clients.queries';
export { invoicesIssuedIn, invoicesWithPaymentsIn, expensesIncurredIn, expensesPaidIn, monthOf, type TierKey } from './financial.reads';
export * from './recurring-revenue.queries';
export * from './customer-value.queries';
export { revenue, revenuePerConsultantHour, invoicedIn, paymentsReceivedIn, type DatedAmount, type Revenue, type RevenueBreakdown, type RevenuePerHour } from './revenue.queries';
export { costs, profitMargin, cashFlow, type Costs, type Margin, type ProfitMargin, type CashFlow, type CashFlowAmounts } from './costs.queries';
export { receivables, paidWithin30DaysRate, type Aging, type Receivables, type PaidWithin30Days, type PaidWithin30DaysOptions } from './receivables.queries';
export { projectMargin, type ProjectMargin, type ProjectMargins } from './project-margin.queries';

export const financialProjections: Projection[] = [clientsProjection, invoicesProjection, invoiceSumsProjection, expensesProjection];
