import type { Contribution, DerivedSums } from '../../core/projection-sums';
import type { Projection } from '../../core/projection';
import type { InvoiceDocument } from './invoice.document';
import { invoicesProjection } from './invoices.projection';
import { paidOnTime } from './payment-terms';

export const invoiceSumsCollection = 'invoice_sums';

/** Reserved for counts that are not per client and currency (none kept today). */
export const invoiceEventsKey = '\u0000events';

/**
 * What one line (an invoice's worth, a payment or a refund) adds under `client\tcurrency\t…`:
 * its cents in the document's currency (`c`) and a line count (`n`, so a client whose lines cancel
 * out still shows at zero, as the scan path shows it); when it has a rate, its cents converted to
 * the base currency and rounded per line exactly as `toBaseCents` does (`b`), and a count of rated
 * lines (`nb`). The base currency is configuration, so it is chosen at query time: a line in the
 * base currency counts its `c`, another its `b`, an unrated one nothing.
 */
function lineAmounts(clientId: string, currency: string, cents: number, rate: number | null | undefined): Array<[string, number]> {
  const key = `${clientId}\t${currency}\t`;
  const amounts: Array<[string, number]> = [[`${key}c`, cents], [`${key}n`, 1]];
  if (rate) amounts.push([`${key}b`, Math.round(cents / rate)], [`${key}nb`, 1]);
  return amounts;
}

/**
 * A dated line adds to its month's sums (`<measure>:m:YYYY-MM`) and, under its day of the month
 * (`DD\t<key>`), to that month's days (`<measure>:dm:YYYY-MM`): one document holds every day of a
 * month, so the partial months at a period's ends cost one read each instead of a read per day.
 * A client's line also adds its day to the client's month (`<measure>:cm:YYYY-MM:<client>`): a month
 * in which the client changed tier is read day by day from that small document alone.
 */
const dated = (measure: string, date: string, amounts: Contribution['amounts'], clientId?: string): Contribution[] => {
  const month = date.slice(0, 7);
  const days = amounts.map(([key, amount]) => [`${date.slice(8, 10)}\t${key}`, amount] as const);
  const contributions: Contribution[] = [
    { bucket: `${measure}:m:${month}`, amounts },
    { bucket: `${measure}:dm:${month}`, amounts: days },
  ];
  if (clientId !== undefined) contributions.push({ bucket: clientMonthBucket(measure, month, clientId), amounts: days });
  return contributions;
};

export const clientMonthBucket = (measure: string, month: string, clientId: string) => `${measure}:cm:${month}:${clientId}`;

/**
 * Accrual: an invoice not voided (a deleted one reads as voided) adds its worth on its issue date.
 * Cash: each payment and refund line adds its cents on its own date, whatever became of the
 * invoice. Terms: an invoice not voided counts on its issue date as `issued`, and as `onTime` once
 * paid in full within the payment terms (paidWithin30DaysRate). Projects: an invoice of a project,
 * not voided, adds its worth on its issue date under `project\tclient\tcurrency\t…` (projectMargin). Nothing in a contribution changes with events that do not change it (a payment leaves
 * the accrual sums as they are), so a rebuild writes only the sums that move.
 */
export const invoiceSums: DerivedSums<InvoiceDocument> = {
  of(invoice) {
    const contributions: Contribution[] = [];
    if (invoice.status !== 'VOID') contributions.push(...dated('accrual', invoice.issuedOn, lineAmounts(invoice.clientId, invoice.currency, invoice.amountCents, invoice.exchangeRate), invoice.clientId));
    if (invoice.status !== 'VOID' && invoice.projectId !== null) {
      contributions.push(...dated('project', invoice.issuedOn, lineAmounts(`${invoice.projectId}\t${invoice.clientId}`, invoice.currency, invoice.amountCents, invoice.exchangeRate)));
    }
    if (invoice.status !== 'VOID') contributions.push(...dated('terms', invoice.issuedOn, paidOnTime(invoice) ? [['issued', 1], ['onTime', 1]] : [['issued', 1]]));
    for (const payment of invoice.payments) {
      contributions.push(...dated('cash', payment.paidOn, lineAmounts(invoice.clientId, invoice.currency, payment.amountCents, payment.exchangeRate ?? invoice.exchangeRate), invoice.clientId));
    }
    return contributions;
  },
};

/**
 * The invoices folded a second time into a collection of their own, for the sums kept beside them:
 * the `invoices` collection is listed and paged by the API as it is, and stays free of sum documents.
 */
export const invoiceSumsProjection: Projection<InvoiceDocument> = {
  name: invoiceSumsCollection,
  // 2: no event counts in the sums (a payment no longer rewrites its invoice's accrual sums).
  // 3: payment terms counted by issue date; projects' invoiced worth by issue date.
  // 4: a month's days in one document (`dm`) instead of a document per day; a client's month's days (`cm`).
  version: 4,
  handles: invoicesProjection.handles,
  documentIds: invoicesProjection.documentIds,
  evolve: invoicesProjection.evolve,
  sums: invoiceSums,
};
