import type { DomainEvent } from '../../core/messages';

export type InvoiceKind = 'RECURRING' | 'ONE_OFF';

/**
 * The rate the tool gave on the document, as the tool states it: units of the document's
 * currency per one unit of the business's base currency (Invoice Ninja's `exchange_rate`).
 * Absent on events recorded before currencies were converted, and when the tool gave none.
 */
export type ExchangeRate = { readonly exchangeRate?: number };

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
  } & ExchangeRate
>;

export type PaymentReceived = DomainEvent<
  'PaymentReceived',
  { invoiceId: string; paymentId: string; amountCents: number; currency: string; paidOn: string; balanceCents: number } & ExchangeRate
>;

/** Emitted with the payment (or credit) that brings the balance to zero. */
export type InvoicePaid = DomainEvent<'InvoicePaid', { invoiceId: string; paidOn: string }>;

export type InvoiceVoided = DomainEvent<'InvoiceVoided', { invoiceId: string; reason: string }>;

/**
 * The invoice was deleted in the tool: it restates history as if never issued, and the payments
 * applied to it no longer count (Invoice Ninja takes them off the invoice and off the payments).
 */
export type InvoiceDeleted = DomainEvent<'InvoiceDeleted', { invoiceId: string; reason: string }>;

/** A deleted invoice came back, with the payments it had when it was deleted. */
export type InvoiceRestored = DomainEvent<'InvoiceRestored', { invoiceId: string }>;

/** A payment deleted in the tool: it never counted (restated); the invoice's balance is back up. */
export type PaymentDeleted = DomainEvent<'PaymentDeleted', { invoiceId: string; paymentId: string; amountCents: number; balanceCents: number }>;

/** Money paid back on `refundedOn`: cash out on that date, the invoice's balance back up by it. */
export type PaymentRefunded = DomainEvent<
  'PaymentRefunded',
  { invoiceId: string; paymentId: string; refundId: string; amountCents: number; refundedOn: string; balanceCents: number }
>;

/**
 * A credit (credit note) applied to the invoice: it lowers what the invoice is worth — revenue
 * of the period it was issued in — and its balance; no cash moves.
 */
export type InvoiceCredited = DomainEvent<
  'InvoiceCredited',
  { invoiceId: string; creditId: string; amountCents: number; creditedOn: string; balanceCents: number }
>;

export type InvoiceEvent =
  | InvoiceIssued
  | PaymentReceived
  | InvoicePaid
  | InvoiceVoided
  | InvoiceDeleted
  | InvoiceRestored
  | PaymentDeleted
  | PaymentRefunded
  | InvoiceCredited;
