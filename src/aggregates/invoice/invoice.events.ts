import type { DomainEvent } from '../../core/messages';

export type InvoiceKind = 'RECURRING' | 'ONE_OFF';

export type InvoiceIssued = DomainEvent<
  'InvoiceIssued',
  {
    invoiceId: string;
    clientId: string;
    projectId: string | null;
    number: string;
    amountCents: number;
    currency: string;
    /** Calendar dates in the business time zone. */
    issuedOn: string;
    dueOn: string;
    kind: InvoiceKind;
  }
>;

export type PaymentReceived = DomainEvent<
  'PaymentReceived',
  { invoiceId: string; paymentId: string; amountCents: number; currency: string; paidOn: string; balanceCents: number }
>;

/** Emitted with the payment that brings the balance to zero. */
export type InvoicePaid = DomainEvent<'InvoicePaid', { invoiceId: string; paidOn: string }>;

export type InvoiceVoided = DomainEvent<'InvoiceVoided', { invoiceId: string; reason: string }>;

export type InvoiceEvent = InvoiceIssued | PaymentReceived | InvoicePaid | InvoiceVoided;
