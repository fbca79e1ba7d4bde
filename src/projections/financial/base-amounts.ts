import { baseCurrencyOf, type KpiContext } from '../shared/kpi';
import type { InvoiceDocument, InvoicePayment } from './invoices.projection';

export { baseCurrencyOf };

/**
 * Cents of the base currency for cents of a document in `currency`, at the rate the tool gave on
 * the document (units of its currency per unit of the base). Null when the document is in another
 * currency and no rate came with it: such amounts stay out of base totals and show only under
 * their own currency.
 */
export function toBaseCents(context: KpiContext, currency: string, cents: number, exchangeRate: number | null | undefined): number | null {
  if (currency === baseCurrencyOf(context)) return cents;
  if (!exchangeRate) return null;
  return Math.round(cents / exchangeRate);
}

export const invoiceBaseCents = (context: KpiContext, invoice: InvoiceDocument, cents = invoice.amountCents): number | null =>
  toBaseCents(context, invoice.currency, cents, invoice.exchangeRate);

/** A payment converts at its own rate (the day it was received), an invoice's rate without one. */
export const paymentBaseCents = (context: KpiContext, invoice: InvoiceDocument, payment: InvoicePayment): number | null =>
  toBaseCents(context, invoice.currency, payment.amountCents, payment.exchangeRate ?? invoice.exchangeRate);
