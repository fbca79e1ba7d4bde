import type { IdentityLookup, TranslatedCommand } from '../../ingest/delivery';
import { toCents } from '../shared/mapping/amounts.mapping';
import { resolveClient } from '../shared/mapping/client-resolution.mapping';
import { fromIsoInstant, startOfDate } from '../shared/mapping/instants.mapping';
import { payloadInvalid, type Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';

export const xeroId = (id: string) => `xero:${id}`;

const microsoftDate = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** Xero dates: `DateString` ("2026-05-27T00:00:00") when present, else `/Date(ms+0000)/` read in its offset. */
export function xeroDate(fields: Fields, key: string): string | null {
  const text = fields.optionalString(`${key}String`) ?? fields.optionalString(key);
  if (text === null) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  const match = microsoftDate.exec(text);
  if (!match) throw payloadInvalid(fields.at(key), 'a Xero date', text);
  const offset = match[2] ?? '+0000';
  const offsetMinutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3)));
  return new Date(Number(match[1]) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** An instant such as `UpdatedDateUTC`: `/Date(ms+0000)/` counts milliseconds since the epoch in UTC. */
export function xeroInstant(fields: Fields, key: string): string | null {
  const text = fields.optionalString(key);
  if (text === null) return null;
  const match = microsoftDate.exec(text);
  return match ? new Date(Number(match[1])).toISOString() : fromIsoInstant(text, fields.at(key));
}

function requiredDate(fields: Fields, key: string): string {
  const date = xeroDate(fields, key);
  if (date === null) throw payloadInvalid(fields.at(key), 'a Xero date', fields.raw(key));
  return date;
}

function issueInvoice(invoice: Fields, identities: IdentityLookup): TranslatedCommand {
  const id = invoice.string('InvoiceID');
  const contact = invoice.object('Contact');
  const issuedOn = requiredDate(invoice, 'Date');
  const data = {
    invoiceId: xeroId(id),
    clientId: resolveClient(identities, { tool: 'xero', externalId: contact.string('ContactID'), kind: 'contact', emails: [contact.optionalString('EmailAddress')] }),
    projectId: null,
    number: invoice.string('InvoiceNumber'),
    amountCents: toCents(invoice.raw('Total'), invoice.at('Total')),
    currency: invoice.string('CurrencyCode'),
    issuedOn,
    dueOn: xeroDate(invoice, 'DueDate') ?? issuedOn,
    kind: invoice.has('RepeatingInvoiceID') ? ('RECURRING' as const) : ('ONE_OFF' as const),
    ...rateOf(invoice),
  };
  return translated({ type: 'IssueInvoice', data, occurredAt: startOfDate(issuedOn, invoice.at('Date')) }, 'xero', `invoice:${id}`);
}

/**
 * Xero's `CurrencyRate` on a multicurrency document is units of its currency per unit of the
 * organisation's base currency (the base amount is the amount divided by it), Zixly's convention.
 */
function rateOf(document: Fields): { exchangeRate?: number } {
  const rate = document.optionalNumber('CurrencyRate');
  return rate === null || rate === 1 || !(rate > 0) ? {} : { exchangeRate: rate };
}

/** A credit note allocated to the invoice (`CreditNotes[]` with its `AppliedAmount`) lowers what it is worth. */
function applyCredit(invoice: Fields, creditNote: Fields): TranslatedCommand {
  const id = creditNote.string('CreditNoteID');
  const creditedOn = requiredDate(creditNote, 'Date');
  const data = {
    invoiceId: xeroId(invoice.string('InvoiceID')),
    creditId: xeroId(`creditnote:${id}`),
    amountCents: toCents(creditNote.raw('AppliedAmount'), creditNote.at('AppliedAmount')),
    currency: invoice.string('CurrencyCode'),
    creditedOn,
  };
  return translated({ type: 'ApplyCredit', data, occurredAt: startOfDate(creditedOn, creditNote.at('Date')) }, 'xero', `creditnote:${id}`);
}

/** A payment Xero shows as DELETED (removed from the invoice) no longer counts. */
function deletePayment(invoice: Fields, payment: Fields, occurredAt: string): TranslatedCommand {
  const id = payment.string('PaymentID');
  return translated({ type: 'DeletePayment', data: { invoiceId: xeroId(invoice.string('InvoiceID')), paymentId: xeroId(id) }, occurredAt }, 'xero', `payment:${id}`);
}

function recordPayment(invoice: Fields, payment: Fields): TranslatedCommand {
  const id = payment.string('PaymentID');
  const paidOn = requiredDate(payment, 'Date');
  const data = {
    invoiceId: xeroId(invoice.string('InvoiceID')),
    paymentId: xeroId(id),
    amountCents: toCents(payment.raw('Amount'), payment.at('Amount')),
    currency: invoice.string('CurrencyCode'),
    paidOn,
    ...rateOf(payment),
  };
  return translated({ type: 'RecordPayment', data, occurredAt: startOfDate(paidOn, payment.at('Date')) }, 'xero', `payment:${id}`);
}

/**
 * A fetched sales invoice (ACCREC): authorised or paid means issued, with each of its payments
 * (Xero has no payment webhook); voided means issued and voided. Drafts, submitted and deleted
 * invoices, and bills (ACCPAY), mean nothing here. Credit notes allocated to it are credits
 * applied (`CreditNotes[].AppliedAmount`); a payment shown as DELETED is taken off it.
 */
export function xeroInvoiceCommands(invoice: Fields, identities: IdentityLookup): TranslatedCommand[] | string {
  if (invoice.string('Type') !== 'ACCREC') return `xero invoice: ${invoice.string('Type')} is a bill, not a sales invoice`;
  const status = invoice.string('Status');
  if (!['AUTHORISED', 'PAID', 'VOIDED'].includes(status)) return `xero invoice: ${status} is not issued`;
  if (toCents(invoice.raw('Total'), invoice.at('Total')) <= 0) return 'xero invoice: nothing to pay (total 0)';
  const issue = issueInvoice(invoice, identities);
  if (status === 'VOIDED') {
    const occurredAt = xeroInstant(invoice, 'UpdatedDateUTC') ?? issue.command.occurredAt;
    const voided = { type: 'VoidInvoice' as const, data: { invoiceId: xeroId(invoice.string('InvoiceID')), reason: 'voided in Xero' }, occurredAt };
    return [issue, translated(voided, 'xero', issue.source.externalId)];
  }
  const payments = invoice.list('Payments');
  const deleted = (payment: Fields) => payment.optionalString('Status') === 'DELETED';
  const changedAt = xeroInstant(invoice, 'UpdatedDateUTC') ?? issue.command.occurredAt;
  const credits = invoice.list('CreditNotes').filter((credit) => toCents(credit.raw('AppliedAmount') ?? 0, credit.at('AppliedAmount')) > 0);
  return [
    issue,
    ...credits.map((credit) => applyCredit(invoice, credit)),
    ...payments.filter((payment) => !deleted(payment)).map((payment) => recordPayment(invoice, payment)),
    ...payments.filter(deleted).map((payment) => deletePayment(invoice, payment, changedAt)),
  ];
}
