import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureCalendarDate, ensureNonEmpty, ensurePositiveMoney } from '../shared/rules';
import type { InvoiceCommand, IssueInvoice, RecordPayment, VoidInvoice } from './invoice.commands';
import type { InvoiceEvent } from './invoice.events';
import { applyCredit, deleteInvoice, deletePayment, refundPayment, restoreInvoice } from './invoice-reversals.decide';
import { evolveInvoice, type InvoiceState, laterDate } from './invoice.state';

export type { InvoiceState } from './invoice.state';

export const invoiceStream = (invoiceId: string) => streamName('Invoice', invoiceId);

export const invoiceDecider: Decider<InvoiceCommand, InvoiceEvent, InvoiceState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'IssueInvoice':
        return issue(command, state);
      case 'RecordPayment':
        return recordPayment(command, state);
      case 'VoidInvoice':
        return voidInvoice(command, state);
      case 'DeleteInvoice':
        return deleteInvoice(command, state);
      case 'RestoreInvoice':
        return restoreInvoice(command, state);
      case 'DeletePayment':
        return deletePayment(command, state);
      case 'RefundPayment':
        return refundPayment(command, state);
      case 'ApplyCredit':
        return applyCredit(command, state);
    }
  },
  evolve: evolveInvoice,
};

export function ensureExchangeRate(rate: number | undefined): void {
  ensure(rate === undefined || (Number.isFinite(rate) && rate > 0), 'money.invalid_exchange_rate', `exchangeRate must be a positive number, got ${rate}`);
}

function issue({ data }: IssueInvoice, state: InvoiceState): InvoiceEvent[] {
  if (state.status !== 'none') {
    ensure(state.number === data.number, 'invoice.already_issued', `Invoice ${data.invoiceId} was already issued as ${state.number}`);
    return [];
  }
  ensureNonEmpty(data.clientId, 'clientId');
  ensureNonEmpty(data.number, 'number');
  ensurePositiveMoney(data.amountCents, data.currency, 'invoice.invalid_amount');
  ensureExchangeRate(data.exchangeRate);
  ensureCalendarDate(data.issuedOn, 'issuedOn');
  ensureCalendarDate(data.dueOn, 'dueOn');
  ensure(data.dueOn >= data.issuedOn, 'invoice.due_before_issue', `dueOn ${data.dueOn} is before issuedOn ${data.issuedOn}`);
  return [{ type: 'InvoiceIssued', data: { ...data, projectId: data.projectId ?? null } }];
}

function recordPayment({ data }: RecordPayment, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  // A deleted payment stays deleted: a late or repeated copy of its creation changes nothing.
  if (state.payments.has(data.paymentId) || state.deletedPaymentIds.has(data.paymentId)) return [];
  ensure(!state.deleted, 'invoice.deleted', `Invoice ${state.number} was deleted and cannot take payments`);
  ensure(state.status !== 'void', 'invoice.voided', `Invoice ${state.number} is void and cannot take payments`);
  ensurePositiveMoney(data.amountCents, data.currency, 'payment.invalid_amount');
  ensure(data.currency === state.currency, 'payment.currency_mismatch', `Payment in ${data.currency} for an invoice in ${state.currency}`);
  ensureExchangeRate(data.exchangeRate);
  ensureCalendarDate(data.paidOn, 'paidOn');
  ensure(data.amountCents <= state.balanceCents, 'invoice.overpayment', `Payment of ${data.amountCents} cents exceeds the open balance of ${state.balanceCents} cents`, {
    balanceCents: state.balanceCents,
  });
  const balanceCents = state.balanceCents - data.amountCents;
  const received: InvoiceEvent = { type: 'PaymentReceived', data: { ...data, balanceCents } };
  // Payments may be recorded out of order (retried webhooks): paid on the last payment's date, not the last recorded one's.
  const paidOn = laterDate(state.latestPaidOn, data.paidOn);
  return balanceCents === 0 ? [received, { type: 'InvoicePaid', data: { invoiceId: data.invoiceId, paidOn } }] : [received];
}

function voidInvoice({ data }: VoidInvoice, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  if (state.status === 'void') return [];
  ensure(state.status !== 'paid', 'invoice.already_paid', `Invoice ${state.number} is paid and cannot be voided`);
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'InvoiceVoided', data }];
}
