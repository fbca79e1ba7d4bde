import type { InvoiceEvent, InvoiceKind } from '../../aggregates/invoice/invoice.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import { occurredAt } from '../shared/event-instant';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';

/** `paidOn` is the business date the payment carries; `at` the instant it was received. */
export type InvoicePayment = { paymentId: string; amountCents: number; paidOn: string; at: string };

export type InvoiceStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';

/** One invoice; dates are business dates from the events, instants ISO UTC from `occurredAt`. */
export interface InvoiceDocument extends ReadDocument {
  readonly invoiceId: string;
  readonly clientId: string;
  readonly projectId: string | null;
  readonly number: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly issuedAt: string;
  readonly kind: InvoiceKind;
  readonly payments: InvoicePayment[];
  readonly paidCents: number;
  readonly balanceCents: number;
  /** Range of the payments' dates, so cash queries find invoices with a payment in a period. */
  readonly firstPaymentOn: string | null;
  readonly lastPaymentOn: string | null;
  /** Date of the payment that brought the balance to zero. */
  readonly paidOn: string | null;
  readonly voidedAt: string | null;
  readonly status: InvoiceStatus;
}

export const invoicesCollection = 'invoices';

type Event = RecordedOf<InvoiceEvent>;

function issued(event: RecordedOfType<InvoiceEvent, 'InvoiceIssued'>, id: string): InvoiceDocument {
  const { data } = event;
  return {
    _id: id,
    invoiceId: data.invoiceId,
    clientId: data.clientId,
    projectId: data.projectId,
    number: data.number,
    amountCents: data.amountCents,
    currency: data.currency,
    issuedOn: data.issuedOn,
    dueOn: data.dueOn,
    issuedAt: occurredAt(event),
    kind: data.kind,
    payments: [],
    paidCents: 0,
    balanceCents: data.amountCents,
    firstPaymentOn: null,
    lastPaymentOn: null,
    paidOn: null,
    voidedAt: null,
    status: 'OPEN',
  };
}

function paymentReceived(invoice: InvoiceDocument, event: RecordedOfType<InvoiceEvent, 'PaymentReceived'>): InvoiceDocument {
  const { data } = event;
  if (invoice.payments.some((payment) => payment.paymentId === data.paymentId)) return invoice;
  const payment: InvoicePayment = { paymentId: data.paymentId, amountCents: data.amountCents, paidOn: data.paidOn, at: occurredAt(event) };
  const dates = [...invoice.payments.map((p) => p.paidOn), data.paidOn].sort();
  return {
    ...invoice,
    payments: [...invoice.payments, payment],
    paidCents: invoice.paidCents + data.amountCents,
    balanceCents: data.balanceCents,
    firstPaymentOn: dates[0]!,
    lastPaymentOn: dates[dates.length - 1]!,
    status: invoice.status === 'OPEN' && data.balanceCents > 0 ? 'PARTIALLY_PAID' : invoice.status,
  };
}

function evolveInvoice(invoice: InvoiceDocument, event: Event): InvoiceDocument {
  switch (event.type) {
    case 'PaymentReceived':
      return paymentReceived(invoice, event);
    case 'InvoicePaid':
      return { ...invoice, paidOn: event.data.paidOn, balanceCents: 0, status: 'PAID' };
    case 'InvoiceVoided':
      return { ...invoice, voidedAt: invoice.voidedAt ?? occurredAt(event), status: 'VOID' };
    default:
      return invoice;
  }
}

/** One document per invoice with its payments, balance, and void. */
export const invoicesProjection: Projection<InvoiceDocument> = {
  name: invoicesCollection,
  version: 1,
  handles: ['InvoiceIssued', 'PaymentReceived', 'InvoicePaid', 'InvoiceVoided'],
  documentIds: (event) => [(event.data as { invoiceId: string }).invoiceId],
  evolve(document, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'InvoiceIssued') return document ?? issued(event, id);
    return document === null ? null : evolveInvoice(document, event);
  },
  indexes: [
    { name: 'invoices_issued_on', fields: ['issuedOn'] },
    { name: 'invoices_last_payment_on', fields: ['lastPaymentOn'] },
    { name: 'invoices_status', fields: ['status', 'issuedOn'] },
    { name: 'invoices_paid_on', fields: ['paidOn'] },
    { name: 'invoices_voided_at', fields: ['voidedAt'] },
    { name: 'invoices_client', fields: ['clientId', 'issuedOn'] },
    { name: 'invoices_project', fields: ['projectId', 'issuedOn'] },
  ],
};
