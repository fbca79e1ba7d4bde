import { ensure, ensureCalendarDate, ensureNonEmpty, ensurePositiveMoney } from '../shared/rules';
import type { ApplyCredit, DeleteInvoice, DeletePayment, RefundPayment, RestoreInvoice } from './invoice.commands';
import type { InvoiceEvent } from './invoice.events';
import { type InvoiceState, laterDate } from './invoice.state';

/** Deletions, restores, refunds and credits: the facts that take money back off an invoice. */

export function deleteInvoice({ data }: DeleteInvoice, state: InvoiceState): InvoiceEvent[] {
  if (state.status === 'none' || state.deleted) return [];
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'InvoiceDeleted', data }];
}

export function restoreInvoice({ data }: RestoreInvoice, state: InvoiceState): InvoiceEvent[] {
  if (state.status === 'none' || !state.deleted) return [];
  return [{ type: 'InvoiceRestored', data }];
}

export function deletePayment({ data }: DeletePayment, state: InvoiceState): InvoiceEvent[] {
  if (state.status === 'none') return [];
  const payment = state.payments.get(data.paymentId);
  if (!payment) return [];
  const amountCents = payment.amountCents - payment.refundedCents;
  return [{ type: 'PaymentDeleted', data: { ...data, amountCents, balanceCents: state.balanceCents + amountCents } }];
}

export function refundPayment({ data }: RefundPayment, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  if (state.deletedPaymentIds.has(data.paymentId)) return [];
  const payment = state.payments.get(data.paymentId);
  ensure(payment !== undefined, 'payment.not_recorded', `Payment ${data.paymentId} was never recorded on invoice ${state.number}`);
  ensureCalendarDate(data.refundedOn, 'refundedOn');
  ensure(Number.isSafeInteger(data.refundedCents) && data.refundedCents >= 0, 'refund.invalid_amount', `refundedCents must be a whole number of cents, got ${data.refundedCents}`);
  ensure(data.refundedCents <= payment.amountCents, 'refund.exceeds_payment', `A refund of ${data.refundedCents} cents exceeds the ${payment.amountCents} cents paid`);
  const amountCents = data.refundedCents - payment.refundedCents;
  if (amountCents <= 0) return [];
  const refundId = `${data.paymentId}:refund:${data.refundedCents}`;
  const { invoiceId, paymentId, refundedOn } = data;
  return [{ type: 'PaymentRefunded', data: { invoiceId, paymentId, refundId, amountCents, refundedOn, balanceCents: state.balanceCents + amountCents } }];
}

export function applyCredit({ data }: ApplyCredit, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  if (state.creditIds.has(data.creditId)) return [];
  ensure(!state.deleted && state.status !== 'void', 'invoice.voided', `Invoice ${state.number} is void or deleted and cannot take credits`);
  ensurePositiveMoney(data.amountCents, data.currency, 'credit.invalid_amount');
  ensure(data.currency === state.currency, 'payment.currency_mismatch', `Credit in ${data.currency} for an invoice in ${state.currency}`);
  ensureCalendarDate(data.creditedOn, 'creditedOn');
  ensure(data.amountCents <= state.balanceCents, 'invoice.overpayment', `A credit of ${data.amountCents} cents exceeds the open balance of ${state.balanceCents} cents`, {
    balanceCents: state.balanceCents,
  });
  const balanceCents = state.balanceCents - data.amountCents;
  const { invoiceId, creditId, amountCents, creditedOn } = data;
  const credited: InvoiceEvent = { type: 'InvoiceCredited', data: { invoiceId, creditId, amountCents, creditedOn, balanceCents } };
  if (balanceCents > 0) return [credited];
  return [credited, { type: 'InvoicePaid', data: { invoiceId, paidOn: laterDate(state.latestPaidOn, creditedOn) } }];
}
