import type { Command } from '../../core/messages';
import type { ExchangeRate, InvoiceKind } from './invoice.events';

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
  } & ExchangeRate
>;

/** `paymentId` is the payment's id in the billing tool: recording it twice is a no-op. */
export type RecordPayment = Command<
  'RecordPayment',
  { invoiceId: string; paymentId: string; amountCents: number; currency: string; paidOn: string } & ExchangeRate
>;

export type VoidInvoice = Command<'VoidInvoice', { invoiceId: string; reason: string }>;

/** Deleting an invoice never issued (a draft) or already deleted changes nothing. */
export type DeleteInvoice = Command<'DeleteInvoice', { invoiceId: string; reason: string }>;

export type RestoreInvoice = Command<'RestoreInvoice', { invoiceId: string }>;

/** Takes a recorded payment off the invoice; a payment the invoice never had changes nothing. */
export type DeletePayment = Command<'DeletePayment', { invoiceId: string; paymentId: string }>;

/**
 * `refundedCents` is the total refunded so far of what `paymentId` paid on this invoice, as the
 * tool reports it: a repeated or older report changes nothing, a larger one refunds the difference.
 */
export type RefundPayment = Command<'RefundPayment', { invoiceId: string; paymentId: string; refundedCents: number; refundedOn: string }>;

/** `creditId` names one application of a credit to this invoice: applying it twice is a no-op. */
export type ApplyCredit = Command<'ApplyCredit', { invoiceId: string; creditId: string; amountCents: number; currency: string; creditedOn: string }>;

export type InvoiceCommand = IssueInvoice | RecordPayment | VoidInvoice | DeleteInvoice | RestoreInvoice | DeletePayment | RefundPayment | ApplyCredit;
