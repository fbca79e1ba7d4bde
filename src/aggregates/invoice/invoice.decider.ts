import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensureClientExists } from '../client/client-exists.rule';
import { ensure, ensureCalendarDate, ensureNonEmpty, ensurePositiveMoney, ensureSameFacts } from '../shared/rules';
import type { InvoiceCommand, IssueInvoice, RecordPayment, VoidInvoice } from './invoice.commands';
import type { InvoiceEvent } from './invoice.events';

export type InvoiceState =
  | { status: 'none' }
  | {
      status: 'open' | 'paid' | 'void';
      invoiceId: string;
      number: string;
      currency: string;
      clientId: string;
      amountCents: number;
      issuedOn: string;
      balanceCents: number;
      /** Every payment recorded, by its id in the billing tool: to tell a retry from a reused id. */
      payments: ReadonlyMap<string, PaymentFacts>;
      /** The latest business date among the payments: a fully paid invoice was paid on it. */
      latestPaidOn: string | null;
    };

type PaymentFacts = { amountCents: number; currency: string; paidOn: string };

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
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'InvoiceIssued': {
        const { invoiceId, clientId, number, currency, amountCents, issuedOn } = event.data;
        return { status: 'open', invoiceId, clientId, number, currency, amountCents, issuedOn, balanceCents: amountCents, payments: new Map(), latestPaidOn: null };
      }
      case 'PaymentReceived': {
        if (state.status === 'none') return state;
        const { paymentId, amountCents, currency, paidOn } = event.data;
        return {
          ...state,
          balanceCents: event.data.balanceCents,
          payments: new Map([...state.payments, [paymentId, { amountCents, currency, paidOn }]]),
          latestPaidOn: laterDate(state.latestPaidOn, event.data.paidOn),
        };
      }
      case 'InvoicePaid':
        return state.status === 'none' ? state : { ...state, status: 'paid' };
      case 'InvoiceVoided':
        return state.status === 'none' ? state : { ...state, status: 'void' };
      default:
        return state;
    }
  },
};

function issue({ data: { client, ...data } }: IssueInvoice, state: InvoiceState): InvoiceEvent[] {
  if (state.status !== 'none') {
    ensure(state.number === data.number, 'invoice.already_issued', `Invoice ${data.invoiceId} was already issued as ${state.number}`);
    const { clientId, amountCents, currency, issuedOn } = data;
    ensureSameFacts('invoice', data.invoiceId, state, { clientId, amountCents, currency, issuedOn }, null);
    return [];
  }
  ensureNonEmpty(data.clientId, 'clientId');
  ensureClientExists(client, data.clientId);
  ensureNonEmpty(data.number, 'number');
  ensurePositiveMoney(data.amountCents, data.currency, 'invoice.invalid_amount');
  ensureCalendarDate(data.issuedOn, 'issuedOn');
  ensureCalendarDate(data.dueOn, 'dueOn');
  ensure(data.dueOn >= data.issuedOn, 'invoice.due_before_issue', `dueOn ${data.dueOn} is before issuedOn ${data.issuedOn}`);
  return [{ type: 'InvoiceIssued', data: { ...data, projectId: data.projectId ?? null } }];
}

function recordPayment({ data }: RecordPayment, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  const recorded = state.payments.get(data.paymentId);
  if (recorded) {
    const { amountCents, currency, paidOn } = data;
    ensureSameFacts('payment', data.paymentId, recorded, { amountCents, currency, paidOn }, null);
    return [];
  }
  ensure(state.status !== 'void', 'invoice.voided', `Invoice ${state.number} is void and cannot take payments`);
  ensurePositiveMoney(data.amountCents, data.currency, 'payment.invalid_amount');
  ensure(data.currency === state.currency, 'payment.currency_mismatch', `Payment in ${data.currency} for an invoice in ${state.currency}`);
  ensureCalendarDate(data.paidOn, 'paidOn');
  ensure(data.paidOn >= state.issuedOn, 'payment.before_invoice', `paidOn ${data.paidOn} is before invoice ${state.number} was issued on ${state.issuedOn}`, { field: 'paidOn' });
  ensure(data.amountCents <= state.balanceCents, 'invoice.overpayment', `Payment of ${data.amountCents} cents exceeds the open balance of ${state.balanceCents} cents`, {
    balanceCents: state.balanceCents,
  });
  const balanceCents = state.balanceCents - data.amountCents;
  const received: InvoiceEvent = { type: 'PaymentReceived', data: { ...data, balanceCents } };
  // Payments may be recorded out of order (retried webhooks): paid on the last payment's date, not the last recorded one's.
  const paidOn = laterDate(state.latestPaidOn, data.paidOn);
  return balanceCents === 0 ? [received, { type: 'InvoicePaid', data: { invoiceId: data.invoiceId, paidOn } }] : [received];
}

function laterDate(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

function voidInvoice({ data }: VoidInvoice, state: InvoiceState): InvoiceEvent[] {
  ensure(state.status !== 'none', 'invoice.not_issued', `Invoice ${data.invoiceId} has not been issued`);
  if (state.status === 'void') return [];
  ensure(state.status !== 'paid', 'invoice.already_paid', `Invoice ${state.number} is paid and cannot be voided`);
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'InvoiceVoided', data }];
}
