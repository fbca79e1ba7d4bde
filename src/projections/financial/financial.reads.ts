import type { ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter, ReadDocument } from '../../core/read-store.port';
import { findEvery } from '../shared/documents';
import { oncePerRequest } from '../shared/request-reads';
import type { KpiContext } from '../shared/kpi';
import { datesIn } from '../shared/period-filter';
import { clientsCollection, type ClientDocument } from './clients.projection';
import { expensesCollection, type ExpenseDocument } from './expenses.projection';
import { invoicesCollection, type InvoiceDocument } from './invoices.projection';



/**
 * Every client by id, read once per request however many KPIs and points of a series ask: revenue,
 * margins, MRR, churn, ARPA and LTV each look at most clients, and a consultancy has hundreds.
 */
export const everyClientById = (context: KpiContext): Promise<ReadonlyMap<string, ClientDocument>> =>
  oncePerRequest(context.reads, 'clients by id', async () => new Map((await findEvery<ClientDocument>(context.reads, clientsCollection, {})).map((client) => [client._id, client])));

/** The clients of these ids that the read model holds. */
export async function clientsByIds(context: KpiContext, ids: Iterable<string>): Promise<Map<string, ClientDocument>> {
  const every = await everyClientById(context);
  const found = new Map<string, ClientDocument>();
  for (const id of ids) {
    const client = every.get(id);
    if (client) found.set(id, client);
  }
  return found;
}

/** Invoices issued on a business date of the period, voided ones included (callers decide). */
export const invoicesIssuedIn = (context: KpiContext, period: ResolvedPeriod, filter: DocumentFilter = {}) =>
  findEvery<InvoiceDocument>(context.reads, invoicesCollection, { ...filter, issuedOn: datesIn(period) });

/** Invoices with at least one payment dated in the period (and possibly others outside it). */
export const invoicesWithPaymentsIn = (context: KpiContext, period: ResolvedPeriod) =>
  findEvery<InvoiceDocument>(context.reads, invoicesCollection, { lastPaymentOn: { $gte: period.fromDate }, firstPaymentOn: { $lt: period.toDate } });

export const expensesIncurredIn = (context: KpiContext, period: ResolvedPeriod, filter: DocumentFilter = {}) =>
  findEvery<ExpenseDocument>(context.reads, expensesCollection, { ...filter, incurredOn: datesIn(period) });

export const expensesPaidIn = (context: KpiContext, period: ResolvedPeriod) =>
  findEvery<ExpenseDocument>(context.reads, expensesCollection, { paidOn: datesIn(period) });

/** `YYYY-MM` of a business date: the month key of every breakdown. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The breakdown key of a client's tier, or UNKNOWN for facts about a client not (yet) projected. */
export type TierKey = ClientDocument['tier'] | 'UNKNOWN';

/** Adds `amount` under `key`, creating it at zero. */
export function addTo(totals: Record<string, number>, key: string, amount: number): void {
  totals[key] = (totals[key] ?? 0) + amount;
}

