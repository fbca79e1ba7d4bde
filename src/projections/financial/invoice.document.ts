import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import type { ReadDocument } from '../../core/read-store.port';

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
