import { daysBetween } from '../../core/business-time';
import type { InvoiceDocument } from './invoice.document';

/** The days an invoice has to be paid in full to count as paid on time (paidWithin30DaysRate). */
export const paymentTermDays = 30;

/** Paid in full at most `paymentTermDays` calendar days after its issue date (whenever that was). */
export const paidOnTime = (invoice: Pick<InvoiceDocument, 'issuedOn' | 'paidOn'>): boolean =>
  invoice.paidOn !== null && daysBetween(invoice.issuedOn, invoice.paidOn) <= paymentTermDays;
