import type { IdentityLookup, TranslatedCommand } from '../../ingest/delivery';
import { toCents } from '../shared/mapping/amounts.mapping';
import { resolveClient } from '../shared/mapping/client-resolution.mapping';
import { calendarDateOf, fromUnixSeconds, startOfDate } from '../shared/mapping/instants.mapping';
import type { Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';
import { clientCurrency, exchangeRateOf } from './invoiceninja-currency.mapping';

/** Hashids are unique per installation; the prefix keeps them apart from other tools' ids. */
export const invoiceNinjaId = (id: string) => `invoiceninja:${id}`;

const status = { draft: '1', sent: '2', partial: '3', paid: '4', cancelled: '5', reversed: '6' } as const;

/**
 * An invoice as issued. Issuing is a calendar fact, so it happens at the start of the invoice date
 * in the business zone: the webhook and the pull give the identical command, whichever is first.
 */
export function issueInvoice(invoice: Fields, client: Fields | null, identities: IdentityLookup): TranslatedCommand {
  const id = invoice.string('id');
  const issuedOn = calendarDateOf(invoice.raw('date'), invoice.at('date'));
  const data = {
    invoiceId: invoiceNinjaId(id),
    clientId: resolveClient(identities, { tool: 'invoiceninja', externalId: invoice.string('client_id'), kind: 'client', emails: contactEmails(client) }),
    projectId: invoice.has('project_id') ? invoiceNinjaId(invoice.string('project_id')) : null,
    number: invoice.string('number'),
    amountCents: toCents(invoice.raw('amount'), invoice.at('amount')),
    currency: clientCurrency(client),
    issuedOn,
    dueOn: invoice.has('due_date') ? calendarDateOf(invoice.raw('due_date'), invoice.at('due_date')) : issuedOn,
    kind: invoice.has('recurring_id') ? ('RECURRING' as const) : ('ONE_OFF' as const),
    ...exchangeRateOf(invoice, 'invoice'),
  };
  return translated({ type: 'IssueInvoice', data, occurredAt: startOfDate(issuedOn, invoice.at('date')) }, 'invoiceninja', `invoice:${id}`);
}

function contactEmails(client: Fields | null): (string | null)[] {
  return client?.list('contacts').map((contact) => contact.optionalString('email')) ?? [];
}

/**
 * What an invoice's current state means: sent, partial and paid invoices were issued; a cancelled
 * one was issued and voided; a deleted one (Invoice Ninja renames it `<number>_deleted`) is deleted,
 * which changes nothing if it was never issued. Drafts mean nothing yet. A reversed invoice was
 * credited in Invoice Ninja: the credit note is what changes the figures, so the issue stands.
 */
export function invoiceCommands(invoice: Fields, client: Fields | null, identities: IdentityLookup): TranslatedCommand[] | string {
  if (invoice.boolean('is_deleted', false)) return [deleteInvoice(invoice)];
  const state = invoice.string('status_id');
  if (state === status.draft) return 'invoiceninja invoice: a draft is not issued yet';
  if (toCents(invoice.raw('amount'), invoice.at('amount')) <= 0) return 'invoiceninja invoice: nothing to pay (amount 0 or a credit)';
  const issue = issueInvoice(invoice, client, identities);
  if (state !== status.cancelled) return [issue];
  const invoiceId = invoiceNinjaId(invoice.string('id'));
  const occurredAt = fromUnixSeconds(invoice.number('updated_at'), invoice.at('updated_at'));
  return [issue, translated({ type: 'VoidInvoice', data: { invoiceId, reason: 'cancelled in Invoice Ninja' }, occurredAt }, 'invoiceninja', issue.source.externalId)];
}

export function deleteInvoice(invoice: Fields): TranslatedCommand {
  const id = invoice.string('id');
  const occurredAt = fromUnixSeconds(invoice.number('updated_at'), invoice.at('updated_at'));
  const data = { invoiceId: invoiceNinjaId(id), reason: 'deleted in Invoice Ninja' };
  return translated({ type: 'DeleteInvoice', data, occurredAt }, 'invoiceninja', `invoice:${id}`);
}

/** Restoring brings a deleted invoice back (an archived one never left). */
export function restoreInvoice(invoice: Fields): TranslatedCommand {
  const id = invoice.string('id');
  const occurredAt = fromUnixSeconds(invoice.number('updated_at'), invoice.at('updated_at'));
  return translated({ type: 'RestoreInvoice', data: { invoiceId: invoiceNinjaId(id) }, occurredAt }, 'invoiceninja', `invoice:${id}`);
}
