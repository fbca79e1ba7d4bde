import type { IdentityLookup, TranslatedCommand } from '../../ingest/delivery';
import { toCents } from '../shared/mapping/amounts.mapping';
import { businessDateOf, calendarDateOf, fromUnixSeconds, startOfDate } from '../shared/mapping/instants.mapping';
import type { Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';
import { currencyOfId, exchangeRateOf } from './invoiceninja-currency.mapping';
import { invoiceNinjaId, issueInvoice } from './invoiceninja-invoice.mapping';

/** Payment statuses (app/Models/Payment.php): completed, partially refunded and refunded moved money. */
const moved: ReadonlySet<string> = new Set(['4', '5', '6']);

/**
 * A payment that moved money pays each invoice it is applied to (`paymentables` with an
 * `invoice_id`; ones archived with a deleted invoice are skipped). The part paid with credits
 * (`paymentables` with a `credit_id`; `amount` is only the cash) is a credit applied to the invoice,
 * not cash. A paymentable's `refunded` is the total refunded of it so far. Each invoice the payload
 * includes is issued first, so a payment delivered before its invoice still lands.
 */
export function paymentCommands(payment: Fields, identities: IdentityLookup): TranslatedCommand[] | string {
  if (payment.boolean('is_deleted', false)) return 'invoiceninja payment: deleted (delete_payment takes it off its invoices)';
  const status = payment.string('status_id');
  if (!moved.has(status)) return `invoiceninja payment: status ${status} (pending, cancelled or failed) moved no money`;
  const paymentables = payment.list('paymentables').filter((paymentable) => !paymentable.optionalNumber('archived_at'));
  const applied = paymentables.filter((paymentable) => paymentable.has('invoice_id'));
  if (applied.length === 0) return 'invoiceninja payment: applied to no invoice (unapplied money is a credit until it pays an invoice)';
  let creditLeft = paymentables.filter((paymentable) => paymentable.has('credit_id')).reduce((total, credit) => total + netCents(credit), 0);
  const client = payment.optionalObject('client');
  const invoices = new Map(payment.list('invoices').map((invoice) => [invoice.string('id'), invoice]));
  return applied.flatMap((paymentable) => {
    const invoice = invoices.get(paymentable.string('invoice_id'));
    const total = toCents(paymentable.raw('amount'), paymentable.at('amount'));
    const fromCredit = Math.min(creditLeft, total);
    creditLeft -= fromCredit;
    return [
      ...(invoice ? [issueInvoice(invoice, client, identities)] : []),
      ...(total - fromCredit > 0 ? [recordPayment(payment, paymentable, total - fromCredit)] : []),
      ...(fromCredit > 0 ? [applyCredit(payment, paymentable, fromCredit)] : []),
      ...(toCents(paymentable.raw('refunded') ?? 0, paymentable.at('refunded')) > 0 ? [refundPayment(payment, paymentable)] : []),
    ];
  });
}

function netCents(paymentable: Fields): number {
  return toCents(paymentable.raw('amount'), paymentable.at('amount')) - toCents(paymentable.raw('refunded') ?? 0, paymentable.at('refunded'));
}

const paidOnOf = (payment: Fields) => calendarDateOf(payment.raw('date'), payment.at('date'));

function recordPayment(payment: Fields, paymentable: Fields, amountCents: number): TranslatedCommand {
  const id = payment.string('id');
  const paidOn = paidOnOf(payment);
  const data = {
    invoiceId: invoiceNinjaId(paymentable.string('invoice_id')),
    paymentId: invoiceNinjaId(id),
    amountCents,
    currency: currencyOfId(payment.optionalString('currency_id'), payment.at('currency_id')),
    paidOn,
    ...exchangeRateOf(payment, 'payment'),
  };
  return translated({ type: 'RecordPayment', data, occurredAt: startOfDate(paidOn, payment.at('date')) }, 'invoiceninja', `payment:${id}`);
}

function applyCredit(payment: Fields, paymentable: Fields, amountCents: number): TranslatedCommand {
  const id = payment.string('id');
  const creditedOn = paidOnOf(payment);
  const data = {
    invoiceId: invoiceNinjaId(paymentable.string('invoice_id')),
    creditId: `${invoiceNinjaId(id)}:credits`,
    amountCents,
    currency: currencyOfId(payment.optionalString('currency_id'), payment.at('currency_id')),
    creditedOn,
  };
  return translated({ type: 'ApplyCredit', data, occurredAt: startOfDate(creditedOn, payment.at('date')) }, 'invoiceninja', `payment:${id}`);
}

/** Refunds carry no date of their own in the payload: the payment's last change is when it was refunded. */
function refundPayment(payment: Fields, paymentable: Fields): TranslatedCommand {
  const id = payment.string('id');
  const occurredAt = fromUnixSeconds(paymentable.optionalNumber('updated_at') || payment.number('updated_at'), paymentable.at('updated_at'));
  const data = {
    invoiceId: invoiceNinjaId(paymentable.string('invoice_id')),
    paymentId: invoiceNinjaId(id),
    refundedCents: toCents(paymentable.raw('refunded'), paymentable.at('refunded')),
    refundedOn: businessDateOf(occurredAt),
  };
  return translated({ type: 'RefundPayment', data, occurredAt }, 'invoiceninja', `payment:${id}`);
}

/**
 * Invoice Ninja force-deletes a deleted payment's paymentables before it sends `delete_payment`,
 * so the payload no longer says which invoices it paid: the lookup (from the invoices Zixly
 * recorded it on) does. Null when the payment was never recorded on any invoice.
 */
export function deletePaymentCommands(payment: Fields, identities: IdentityLookup): TranslatedCommand[] | null {
  const id = payment.string('id');
  const invoiceIds = identities.invoicesOfPayment?.(invoiceNinjaId(id)) ?? [];
  if (invoiceIds.length === 0) return null;
  const occurredAt = fromUnixSeconds(payment.number('updated_at'), payment.at('updated_at'));
  return invoiceIds.map((invoiceId) => translated({ type: 'DeletePayment', data: { invoiceId, paymentId: invoiceNinjaId(id) }, occurredAt }, 'invoiceninja', `payment:${id}`));
}
