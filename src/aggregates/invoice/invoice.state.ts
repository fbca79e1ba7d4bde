import type { InvoiceEvent } from './invoice.events';

/** What one payment paid on this invoice, and how much of it was refunded. */
export type AppliedPayment = { readonly amountCents: number; readonly refundedCents: number; readonly paidOn: string };

export type InvoiceState =
  | { status: 'none' }
  | {
      status: 'open' | 'paid' | 'void';
      /** Deleted in the tool: nothing about it counts until it is restored. */
      deleted: boolean;
      invoiceId: string;
      number: string;
      currency: string;
      balanceCents: number;
      payments: ReadonlyMap<string, AppliedPayment>;
      /** Payments taken off the invoice: a late copy of one must not bring it back. */
      deletedPaymentIds: ReadonlySet<string>;
      creditIds: ReadonlySet<string>;
      /** The latest business date among the payments and credits: a settled invoice was settled on it. */
      latestPaidOn: string | null;
    };

export type IssuedInvoice = Exclude<InvoiceState, { status: 'none' }>;

export function laterDate(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

const withBalance = (state: IssuedInvoice, balanceCents: number): IssuedInvoice => ({
  ...state,
  balanceCents,
  status: state.status === 'paid' && balanceCents > 0 ? 'open' : state.status,
});

function latestOf(payments: ReadonlyMap<string, AppliedPayment>): string | null {
  return [...payments.values()].reduce<string | null>((latest, payment) => laterDate(latest, payment.paidOn), null);
}

export function evolveInvoice(state: InvoiceState, event: InvoiceEvent): InvoiceState {
  if (event.type === 'InvoiceIssued') {
    const { invoiceId, number, currency, amountCents } = event.data;
    return { status: 'open', deleted: false, invoiceId, number, currency, balanceCents: amountCents, payments: new Map(), deletedPaymentIds: new Set(), creditIds: new Set(), latestPaidOn: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PaymentReceived': {
      const { paymentId, amountCents, paidOn, balanceCents } = event.data;
      const payments = new Map(state.payments).set(paymentId, { amountCents, refundedCents: 0, paidOn });
      return { ...state, balanceCents, payments, latestPaidOn: laterDate(state.latestPaidOn, paidOn) };
    }
    case 'InvoicePaid':
      return { ...state, status: 'paid' };
    case 'InvoiceVoided':
      return { ...state, status: 'void' };
    case 'InvoiceDeleted':
      return { ...state, deleted: true };
    case 'InvoiceRestored':
      return { ...state, deleted: false };
    case 'PaymentDeleted': {
      const payments = new Map(state.payments);
      payments.delete(event.data.paymentId);
      const deletedPaymentIds = new Set(state.deletedPaymentIds).add(event.data.paymentId);
      return { ...withBalance(state, event.data.balanceCents), payments, deletedPaymentIds, latestPaidOn: latestOf(payments) };
    }
    case 'PaymentRefunded': {
      const payment = state.payments.get(event.data.paymentId);
      if (!payment) return state;
      const payments = new Map(state.payments).set(event.data.paymentId, { ...payment, refundedCents: payment.refundedCents + event.data.amountCents });
      return { ...withBalance(state, event.data.balanceCents), payments };
    }
    case 'InvoiceCredited':
      return {
        ...state,
        balanceCents: event.data.balanceCents,
        creditIds: new Set(state.creditIds).add(event.data.creditId),
        latestPaidOn: laterDate(state.latestPaidOn, event.data.creditedOn),
      };
    default:
      return state;
  }
}
