import type { InvoiceEvent } from '../../aggregates/invoice/invoice.events';
import type { Projection } from '../../core/projection';
import { occurredAt } from '../shared/event-instant';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import type { InvoiceDocument, InvoicePayment } from './invoice.document';
import { credited, deleted, paymentDeleted, refunded, restored, withPaymentDates } from './invoice-reversals.fold';

export type { BeforeDeletion, InvoiceCredit, InvoiceDocument, InvoicePayment, InvoiceStatus } from './invoice.document';

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
