import type { IdentityLookup, TranslatedCommand } from '../delivery';
import { toCents } from '../mapping/amounts.mapping';
import { resolveClient } from '../mapping/client-resolution.mapping';
import { calendarDateOf, fromUnixSeconds, startOfDate } from '../mapping/instants.mapping';
import type { Fields } from '../mapping/payload.reader';
import { translated } from '../mapping/translation.results';
import { clientCurrency } from './invoiceninja-currency.mapping';

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
  };
  return translated({ type: 'IssueInvoice', data, occurredAt: startOfDate(issuedOn, invoice.at('date')) }, 'invoiceninja', `invoice:${id}`);
}

function contactEmails(client: Fields | null): (string | null)[] {
  return client?.list('contacts').map((contact) => contact.optionalString('email')) ?? [];
}

/**
 * What an invoice's current state means: sent, partial and paid invoices were issued; a cancelled
 * (or deleted while open) one was issued and voided. Drafts mean nothing yet. A reversal credits a
 * paid invoice, which Zixly does not model: the issue stands.
 */
export function invoiceCommands(invoice: Fields, client: Fields | null, identities: IdentityLookup): TranslatedCommand[] | string {
  const state = invoice.string('status_id');
  if (state === status.draft) return 'invoiceninja invoice: a draft is not issued yet';
  if (toCents(invoice.raw('amount'), invoice.at('amount')) <= 0) return 'invoiceninja invoice: nothing to pay (amount 0 or a credit)';
  const issue = issueInvoice(invoice, client, identities);
  const open = state === status.sent || state === status.partial;
  const reason = state === status.cancelled ? 'cancelled in Invoice Ninja' : open && invoice.boolean('is_deleted', false) ? 'deleted in Invoice Ninja' : null;
  if (reason === null) return [issue];
  const invoiceId = invoiceNinjaId(invoice.string('id'));
  const occurredAt = fromUnixSeconds(invoice.number('updated_at'), invoice.at('updated_at'));
  return [issue, translated({ type: 'VoidInvoice', data: { invoiceId, reason }, occurredAt }, 'invoiceninja', issue.source.externalId)];
}
