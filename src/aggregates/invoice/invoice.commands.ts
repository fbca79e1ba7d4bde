import type { Command } from '../../core/messages';
import type { ClientFact } from '../client/client-exists.enrich';
import type { InvoiceKind } from './invoice.events';

export type IssueInvoice = Command<
  'IssueInvoice',
  {
    invoiceId: string;
    clientId: string;
    projectId?: string | null;
    number: string;
    amountCents: number;
    currency: string;
    issuedOn: string;
    dueOn: string;
    kind: InvoiceKind;
    /** Set by the route's enrich (null: no such client); anything a caller sends is overwritten. */
    client?: ClientFact;
  }
>;

/** `paymentId` is the payment's id in the billing tool: recording it twice is a no-op. */
export type RecordPayment = Command<
  'RecordPayment',
  { invoiceId: string; paymentId: string; amountCents: number; currency: string; paidOn: string }
>;

export type VoidInvoice = Command<'VoidInvoice', { invoiceId: string; reason: string }>;

export type InvoiceCommand = IssueInvoice | RecordPayment | VoidInvoice;
