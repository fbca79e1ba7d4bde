import type { InvoiceEvent, InvoiceKind } from '../../aggregates/invoice/invoice.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import { occurredAt } from '../shared/event-instant';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { deleted, paymentDeleted, refunded, restored, credited, withPaymentDates } from './invoice-reversals.fold';

/**
 * `paidOn` is the business date the payment carries; `at` the instant it was received. A refund is
 * a line of its own with a negative amount on the refund's date (`refundOf` names the payment), so
 * cash, balances and their dates follow without a second list.
 */
export type InvoicePayment = { paymentId: string; amountCents: number; paidOn: string; at: string; refundOf?: string; exchangeRate?: number };

export type InvoiceCredit = { creditId: string; amountCents: number; creditedOn: string };

export type InvoiceStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID';

/** What a deletion hid, so a restore can bring it back. */
export type BeforeDeletion = { status: InvoiceStatus; voidedAt: string | null; paidOn: string | null; payments: InvoicePayment[] };

/** One invoice; dates are business dates from the events, instants ISO UTC from `occurredAt`. */
export interface InvoiceDocument extends ReadDocument {
  readonly invoiceId: string;
  readonly clientId: string;
  readonly projectId: string | null;
  readonly number: string;
  /** What the invoice is worth: its issued amount less the credits applied to it. */
  readonly amountCents: number;
  readonly issuedAmountCents?: number;
  readonly currency: string;
  /** Document currency per unit of the base currency, as the tool gave it (absent: none given). */
  readonly exchangeRate?: number | null;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly issuedAt: string;
  readonly kind: InvoiceKind;
  readonly payments: InvoicePayment[];
  readonly credits?: InvoiceCredit[];
  readonly paidCents: number;
  readonly balanceCents: number;
  /** Range of the payments' and refunds' dates, so cash queries find invoices with one in a period. */
  readonly firstPaymentOn: string | null;
  readonly lastPaymentOn: string | null;
  /** Date of the payment (or credit) that brought the balance to zero. */
  readonly paidOn: string | null;
  /** A deleted invoice reads as voided when it was issued: it never counted anywhere. */
  readonly voidedAt: string | null;
  readonly deletedAt?: string | null;
  readonly beforeDeletion?: BeforeDeletion | null;
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
    issuedAmountCents: data.amountCents,
    currency: data.currency,
    exchangeRate: data.exchangeRate ?? null,
    issuedOn: data.issuedOn,
    dueOn: data.dueOn,
    issuedAt: occurredAt(event),
    kind: data.kind,
    payments: [],
    credits: [],
    paidCents: 0,
    balanceCents: data.amountCents,
    firstPaymentOn: null,
    lastPaymentOn: null,
    paidOn: null,
    voidedAt: null,
    deletedAt: null,
    beforeDeletion: null,
    status: 'OPEN',
  };
}

function paymentReceived(invoice: InvoiceDocument, event: RecordedOfType<InvoiceEvent, 'PaymentReceived'>): InvoiceDocument {
  const { data } = event;
  if (invoice.payments.some((payment) => payment.paymentId === data.paymentId)) return invoice;
  const payment: InvoicePayment = { paymentId: data.paymentId, amountCents: data.amountCents, paidOn: data.paidOn, at: occurredAt(event), ...(data.exchangeRate ? { exchangeRate: data.exchangeRate } : {}) };
  return withPaymentDates({
    ...invoice,
    payments: [...invoice.payments, payment],
    paidCents: invoice.paidCents + data.amountCents,
    balanceCents: data.balanceCents,
    status: invoice.status === 'OPEN' && data.balanceCents > 0 ? 'PARTIALLY_PAID' : invoice.status,
  });
}

function evolveInvoice(invoice: InvoiceDocument, event: Event): InvoiceDocument {
  switch (event.type) {
    case 'PaymentReceived':
      return paymentReceived(invoice, event);
    case 'InvoicePaid':
      return invoice.deletedAt ? invoice : { ...invoice, paidOn: event.data.paidOn, balanceCents: 0, status: invoice.status === 'VOID' ? 'VOID' : 'PAID' };
    case 'InvoiceVoided':
      return { ...invoice, voidedAt: invoice.voidedAt ?? occurredAt(event), status: 'VOID' };
    case 'InvoiceDeleted':
      return deleted(invoice, occurredAt(event));
    case 'InvoiceRestored':
      return restored(invoice);
    case 'PaymentDeleted':
      return paymentDeleted(invoice, event.data);
    case 'PaymentRefunded':
      return refunded(invoice, event.data, occurredAt(event));
    case 'InvoiceCredited':
      return credited(invoice, event.data);
    default:
      return invoice;
  }
}

/** One document per invoice with its payments, refunds, credits, balance, void and deletion. */
export const invoicesProjection: Projection<InvoiceDocument> = {
  name: invoicesCollection,
  version: 2,
  handles: ['InvoiceIssued', 'PaymentReceived', 'InvoicePaid', 'InvoiceVoided', 'InvoiceDeleted', 'InvoiceRestored', 'PaymentDeleted', 'PaymentRefunded', 'InvoiceCredited'],
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
