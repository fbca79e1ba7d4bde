import type { Projection } from '../../core/projection';
import { clientsProjection } from './clients.projection';
import { expensesProjection } from './expenses.projection';
import { invoicesProjection } from './invoices.projection';

export * from './clients.projection';
export * from './invoices.projection';
export * from './expenses.projection';

export const financialProjections: Projection[] = [clientsProjection, invoicesProjection, expensesProjection];
