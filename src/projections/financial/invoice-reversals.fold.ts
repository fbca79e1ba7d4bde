import type { InvoiceCredited, PaymentDeleted, PaymentRefunded } from '../../aggregates/invoice/invoice.events';
import type { InvoiceDocument, InvoicePayment, InvoiceStatus } from './invoice.document';

/**
 * How reversals change an invoice document. Deletions and credits restate: the document reads as
 * if the deleted payment (or invoice) never counted and the invoice had been issued for its credited
 * amount. Refunds are dated: a negative line on the refund's date. The KPI queries need no branch
 * of their own: they read amounts, payment lines, `paidOn`, `voidedAt` and `status` as before.
 */

const sum = (payments: readonly InvoicePayment[]) => payments.reduce((total, payment) => total + payment.amountCents, 0);

export function withPaymentDates(invoice: InvoiceDocument): InvoiceDocument {
  const dates = invoice.payments.map((payment) => payment.paidOn).sort();
  return { ...invoice, firstPaymentOn: dates[0] ?? null, lastPaymentOn: dates.at(-1) ?? null };
}

/** Status after the balance moved, for an invoice neither voided nor deleted. */
function settle(invoice: InvoiceDocument, balanceCents: number): InvoiceDocument {
  if (invoice.status === 'VOID') return { ...invoice, balanceCents };
  const status: InvoiceStatus = balanceCents === 0 ? 'PAID' : balanceCents < invoice.amountCents ? 'PARTIALLY_PAID' : 'OPEN';
  return { ...invoice, balanceCents, status, paidOn: balanceCents === 0 ? invoice.paidOn : null };
}

export function deleted(invoice: InvoiceDocument, at: string): InvoiceDocument {
  if (invoice.deletedAt) return invoice;
  const { status, voidedAt, paidOn, payments } = invoice;
  return withPaymentDates({
    ...invoice,
    deletedAt: at,
    beforeDeletion: { status, voidedAt, paidOn, payments },
    status: 'VOID',
    voidedAt: invoice.issuedAt,
    paidOn: null,
    payments: [],
    paidCents: 0,
  });
}

export function restored(invoice: InvoiceDocument): InvoiceDocument {
  const before = invoice.beforeDeletion;
  if (!invoice.deletedAt || !before) return invoice;
  return withPaymentDates(settle({ ...invoice, ...before, paidCents: sum(before.payments), deletedAt: null, beforeDeletion: null }, invoice.balanceCents));
}

export function paymentDeleted(invoice: InvoiceDocument, data: PaymentDeleted['data']): InvoiceDocument {
  const gone = (payment: InvoicePayment) => payment.paymentId === data.paymentId || payment.refundOf === data.paymentId;
  if (invoice.deletedAt && invoice.beforeDeletion) {
    const payments = invoice.beforeDeletion.payments.filter((payment) => !gone(payment));
    return { ...invoice, balanceCents: data.balanceCents, beforeDeletion: { ...invoice.beforeDeletion, payments } };
  }
  const payments = invoice.payments.filter((payment) => !gone(payment));
  return withPaymentDates(settle({ ...invoice, payments, paidCents: sum(payments) }, data.balanceCents));
}

export function refunded(invoice: InvoiceDocument, data: PaymentRefunded['data'], at: string): InvoiceDocument {
  if (invoice.payments.some((payment) => payment.paymentId === data.refundId)) return invoice;
  const rate = invoice.payments.find((payment) => payment.paymentId === data.paymentId)?.exchangeRate;
  const line: InvoicePayment = { paymentId: data.refundId, amountCents: -data.amountCents, paidOn: data.refundedOn, at, refundOf: data.paymentId, ...(rate ? { exchangeRate: rate } : {}) };
  const payments = [...invoice.payments, line];
  return withPaymentDates(settle({ ...invoice, payments, paidCents: sum(payments) }, data.balanceCents));
}

/** A credit lowers the invoice's worth; an invoice credited in full is void from its issue. */
export function credited(invoice: InvoiceDocument, data: InvoiceCredited['data']): InvoiceDocument {
  const credits = invoice.credits ?? [];
  if (credits.some((credit) => credit.creditId === data.creditId)) return invoice;
  const amountCents = invoice.amountCents - data.amountCents;
  const next = { ...invoice, amountCents, credits: [...credits, { creditId: data.creditId, amountCents: data.amountCents, creditedOn: data.creditedOn }] };
  if (amountCents === 0 && invoice.paidCents === 0) return { ...next, balanceCents: 0, status: 'VOID', voidedAt: invoice.voidedAt ?? invoice.issuedAt };
  return settle(next, data.balanceCents);
}
