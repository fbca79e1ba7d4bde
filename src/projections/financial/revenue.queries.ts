import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter } from '../../core/read-store.port';
import { sumHours, timeFactsIn } from '../delivery';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { tierOn } from './client-timeline';
import { clientsCollection, type ClientDocument } from './clients.projection';
import { addTo, clientsByIds, invoicesIssuedIn, invoicesWithPaymentsIn, monthOf, type TierKey } from './financial.reads';
import { distinctById } from '../shared/documents';
import { invoicesCollection, type InvoiceDocument } from './invoices.projection';
import { baseCurrencyOf, invoiceBaseCents, paymentBaseCents } from './base-amounts';
import { invoiceSumsCollection } from './invoice.sums';
import { type DatedAmount, summedAmounts } from './invoice-sums.reads';

export type { DatedAmount };

export interface RevenueBreakdown {
  /** In the base currency; amounts in another currency without a rate are left out (see byCurrency). */
  readonly totalCents: number;
  /** Every amount in its own currency's cents, converted or not. */
  readonly byCurrency: Record<string, number>;
  readonly byTier: Record<string, number>;
  readonly byClient: Record<string, number>;
  /** `YYYY-MM` of the invoice's issue date (accrual) or the payment's date (cash). */
  readonly byMonth: Record<string, number>;
}

export interface Revenue {
  /** The base currency every total is in. */
  readonly currency: string;
  readonly accrual: RevenueBreakdown;
  readonly cash: RevenueBreakdown;
}


/** Invoices that count as revenue: issued in the period and not voided (whenever voided). */
export function invoicedIn(context: KpiContext, period: ResolvedPeriod, filter: DocumentFilter = {}): Promise<InvoiceDocument[]> {
  return invoicesIssuedIn(context, period, { ...filter, status: { $ne: 'VOID' } });
}

export function tierKeyOf(clients: ReadonlyMap<string, ClientDocument>, clientId: string | null, date: string, timeZone: string): TierKey {
  const client = clientId === null ? undefined : clients.get(clientId);
  return client ? tierOn(client, date, timeZone) : 'UNKNOWN';
}

export function breakdownOf(amounts: readonly DatedAmount[], clients: ReadonlyMap<string, ClientDocument>, timeZone: string): RevenueBreakdown {
  const byTier: Record<string, number> = {};
  const byClient: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  let totalCents = 0;
  const byCurrency: Record<string, number> = {};
  for (const { clientId, date, amountCents, currency, documentCents } of amounts) {
    if (currency !== undefined) addTo(byCurrency, currency, documentCents ?? 0);
    if (amountCents === null) continue;
    totalCents += amountCents;
    addTo(byTier, tierKeyOf(clients, clientId, date, timeZone), amountCents);
    addTo(byClient, clientId, amountCents);
    addTo(byMonth, monthOf(date), amountCents);
  }
  return { totalCents, byCurrency, byTier, byClient, byMonth };
}

function paymentsIn(context: KpiContext, invoices: readonly InvoiceDocument[], period: ResolvedPeriod): DatedAmount[] {
  return invoices.flatMap((invoice) =>
    invoice.payments
      .filter((payment) => payment.paidOn >= period.fromDate && payment.paidOn < period.toDate)
      .map((payment) => ({
        clientId: invoice.clientId,
        date: payment.paidOn,
        amountCents: paymentBaseCents(context, invoice, payment),
        currency: invoice.currency,
        documentCents: payment.amountCents,
      })),
  );
}

/** An invoice's worth as an accrual amount on its issue date. */
export function issuedAmount(context: KpiContext, invoice: InvoiceDocument): DatedAmount {
  return { clientId: invoice.clientId, date: invoice.issuedOn, amountCents: invoiceBaseCents(context, invoice), currency: invoice.currency, documentCents: invoice.amountCents };
}

/** Payments dated in the period, whatever became of their invoice: cash received stays received. */
export async function paymentsReceivedIn(context: KpiContext, period: ResolvedPeriod): Promise<{ payments: DatedAmount[]; invoices: InvoiceDocument[] }> {
  const invoices = await invoicesWithPaymentsIn(context, period);
  return { payments: paymentsIn(context, invoices, period), invoices };
}

/**
 * revenue, accrual and cash kept apart. Accrual: Σ amounts of invoices whose issue date is in the
 * period; voided invoices never count (a void restates the period it was issued in). Cash: Σ
 * payments whose date is in the period, partial ones included. Tier is the client's tier at the end
 * of the invoice's issue date or the payment's date; clients not projected are UNKNOWN.
 */
export async function revenue(context: KpiContext, period: Period): Promise<KpiResult<Revenue>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') return revenueFromSums(context, resolved);
  const [issued, received] = await Promise.all([invoicedIn(context, resolved), paymentsReceivedIn(context, resolved)]);
  const clients = await clientsByIds(context, [...issued, ...received.invoices].map((invoice) => invoice.clientId));
  const accrual = breakdownOf(issued.map((invoice) => issuedAmount(context, invoice)), clients, context.timeZone);
  const cash = breakdownOf(received.payments, clients, context.timeZone);
  const used = [...distinctById([...issued, ...received.invoices]), ...clients.values()];
  return kpiResult(context, [invoicesCollection, clientsCollection], used, { currency: baseCurrencyOf(context), accrual, cash });
}

/**
 * `revenue` from the invoice sums (one amount per client, currency and day or month), whatever the
 * number of invoices. Its `eventCount` counts the facts summed — invoices issued in the period
 * and payment and refund lines dated in it — plus the clients' events (the scan path counts the
 * events folded into each invoice read).
 */
async function revenueFromSums(context: KpiContext, period: ResolvedPeriod): Promise<KpiResult<Revenue>> {
  const [accrual, cash] = await Promise.all([summedAmounts(context, 'accrual', period), summedAmounts(context, 'cash', period)]);
  const clients = new Map([...accrual.clients, ...cash.clients]);
  const value = { currency: baseCurrencyOf(context), accrual: breakdownOf(accrual.amounts, clients, context.timeZone), cash: breakdownOf(cash.amounts, clients, context.timeZone) };
  const result = await kpiResult(context, [invoiceSumsCollection, clientsCollection], [...clients.values()], value);
  return { ...result, eventCount: result.eventCount + accrual.events + cash.events };
}

export interface RevenuePerHour {
  readonly revenueCents: number;
  readonly hours: number;
  /** Cents of invoiced revenue per hour logged; null when no hours were logged. */
  readonly centsPerHour: number | null;
}

/** revenuePerConsultantHour: accrual revenue of the period ÷ all hours (billable or not) worked in it. */
export async function revenuePerConsultantHour(context: KpiContext, period: Period): Promise<KpiResult<RevenuePerHour>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const [accrual, time] = await Promise.all([summedAmounts(context, 'accrual', resolved), timeFactsIn(context, resolved)]);
    const revenueCents = accrual.amounts.reduce((total, amount) => total + (amount.amountCents ?? 0), 0);
    const hours = sumHours(time.facts);
    const result = await kpiResult(context, [invoiceSumsCollection, time.readModel], time.facts, { revenueCents, hours, centsPerHour: ratio(revenueCents, hours) });
    return { ...result, eventCount: result.eventCount + accrual.events };
  }
  const [invoices, time] = await Promise.all([invoicedIn(context, resolved), timeFactsIn(context, resolved)]);
  const revenueCents = invoices.reduce((total, invoice) => total + (invoiceBaseCents(context, invoice) ?? 0), 0);
  const hours = sumHours(time.facts);
  return kpiResult(context, [invoicesCollection, time.readModel], [...invoices, ...time.facts], { revenueCents, hours, centsPerHour: ratio(revenueCents, hours) });
}
