import type { IdentityLookup, TranslatedCommand } from '../delivery';
import { toCents } from '../mapping/amounts.mapping';
import { calendarDateOf, startOfDate } from '../mapping/instants.mapping';
import type { Fields } from '../mapping/payload.reader';
import { translated } from '../mapping/translation.results';
import { currencyOfId } from './invoiceninja-currency.mapping';
import { invoiceNinjaId, issueInvoice } from './invoiceninja-invoice.mapping';

const completed = '4';

/**
 * A completed payment pays each invoice it is applied to (`paymentables`); credits are not
 * invoices and are skipped. Each invoice the payload includes is issued first, so a payment
 * delivered before its invoice still lands. Refunds are not modelled.
 */
export function paymentCommands(payment: Fields, identities: IdentityLookup): TranslatedCommand[] | string {
  if (payment.boolean('is_deleted', false)) return 'invoiceninja payment: deleted';
  if (payment.string('status_id') !== completed) return `invoiceninja payment: status ${payment.string('status_id')} is not completed`;
  const applied = payment.list('paymentables').filter((paymentable) => paymentable.has('invoice_id'));
  if (applied.length === 0) return 'invoiceninja payment: applied to no invoice';
  const client = payment.optionalObject('client');
  const invoices = new Map(payment.list('invoices').map((invoice) => [invoice.string('id'), invoice]));
  return applied.flatMap((paymentable) => {
    const invoice = invoices.get(paymentable.string('invoice_id'));
    return [...(invoice ? [issueInvoice(invoice, client, identities)] : []), recordPayment(payment, paymentable)];
  });
}

function recordPayment(payment: Fields, paymentable: Fields): TranslatedCommand {
  const id = payment.string('id');
  const paidOn = calendarDateOf(payment.raw('date'), payment.at('date'));
  const data = {
    invoiceId: invoiceNinjaId(paymentable.string('invoice_id')),
    paymentId: invoiceNinjaId(id),
    amountCents: toCents(paymentable.raw('amount'), paymentable.at('amount')),
    currency: currencyOfId(payment.optionalString('currency_id'), payment.at('currency_id')),
    paidOn,
  };
  return translated({ type: 'RecordPayment', data, occurredAt: startOfDate(paidOn, payment.at('date')) }, 'invoiceninja', `payment:${id}`);
}
