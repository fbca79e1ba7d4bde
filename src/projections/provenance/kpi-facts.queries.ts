import type { Period } from '../../core/business-time';
import type { DocumentFilter, ReadDocument } from '../../core/read-store.port';
import type { TimeEntryDocument } from '../delivery';
import { baseCurrencyOf, invoiceBaseCents } from '../financial/base-amounts';
import { invoicesCollection, type InvoiceDocument } from '../financial/invoices.projection';
import { type KpiContext, periodOf, positionOf } from '../shared/kpi';
import { datesIn, instantsIn } from '../shared/period-filter';
import type { CsatRatingDocument } from '../support/csat-ratings.projection';
import type { TicketDocument } from '../support/tickets.projection';

export type FactKpi = 'BILLABLE_HOURS' | 'REVENUE_ACCRUAL_CENTS' | 'CSAT' | 'TICKETS_OPENED';

/** One fact a KPI's rule looked at: an entity, what it adds to the value, and whether (and why not) it counted. */
export interface KpiFact {
  readonly entity: string;
  readonly id: string;
  /** The stream holding the entity's events. */
  readonly stream: string;
  /** The business date, or the instant, the rule judged it by. */
  readonly date: string;
  readonly counted: boolean;
  /** How the rule treated it: what it counted as, or why it was left out. */
  readonly rule: string;
  /** What it adds to the KPI's value (0 when excluded): hours, cents… */
  readonly contribution: number;
  /** Events folded into the entity. */
  readonly events: number;
}

export interface KpiFactsPage {
  /** Each fact with the key a next page starts after. */
  readonly facts: Array<{ readonly key: string; readonly fact: KpiFact }>;
  readonly hasNextPage: boolean;
  readonly position: bigint | null;
}

interface FactRule<D extends ReadDocument> {
  readonly collection: string;
  readonly filter: (period: ReturnType<typeof periodOf>) => DocumentFilter;
  readonly fact: (document: D, context: KpiContext) => KpiFact;
}

const eventsOf = (document: ReadDocument) => (typeof document._events === 'number' ? document._events : 0);

const billableHoursRule: FactRule<TimeEntryDocument> = {
  collection: 'time_entries',
  filter: (period) => ({ workDate: datesIn(period) }),
  fact: (entry) => ({
    entity: 'TimeEntry',
    id: entry.entryId,
    stream: `Project-${entry.projectId}`,
    date: entry.workDate,
    counted: entry.billable,
    rule: entry.billable ? 'billable hours with a work date in the period' : 'excluded: not billable',
    contribution: entry.billable ? entry.hours : 0,
    events: eventsOf(entry),
  }),
};

const revenueAccrualRule: FactRule<InvoiceDocument> = {
  collection: invoicesCollection,
  filter: (period) => ({ issuedOn: datesIn(period) }),
  fact: (invoice, context) => {
    const base = invoiceBaseCents(context, invoice);
    const why =
      invoice.status !== 'VOID'
        ? base === null
          ? `excluded: in ${invoice.currency} without an exchange rate to ${baseCurrencyOf(context)} (listed under its own currency)`
          : null
        : invoice.deletedAt
          ? 'excluded: deleted in the tool (restated as never issued)'
          : 'excluded: voided (a void restates the period it was issued in)';
    return {
      entity: 'Invoice',
      id: invoice.invoiceId,
      stream: `Invoice-${invoice.invoiceId}`,
      date: invoice.issuedOn,
      counted: why === null,
      rule: why ?? 'issued in the period',
      contribution: why === null ? base! : 0,
      events: eventsOf(invoice),
    };
  },
};

/** csat = Σ contributions (satisfied ratings) ÷ the number of counted ratings: every rating of the period is in the denominator. */
const csatRule: FactRule<CsatRatingDocument> = {
  collection: 'csat_ratings',
  filter: (period) => ({ ratedAt: instantsIn(period) }),
  fact: (rating) => {
    const satisfied = rating.score >= 4;
    return {
      entity: 'CsatRating',
      id: rating.ratingId,
      stream: `Ticket-${rating.ticketId}`,
      date: rating.ratedAt,
      counted: true,
      rule: satisfied ? `satisfied: score ${rating.score} (4 or 5)` : `in the denominator only: score ${rating.score}`,
      contribution: satisfied ? 1 : 0,
      events: eventsOf(rating),
    };
  },
};

const ticketsOpenedRule: FactRule<TicketDocument> = {
  collection: 'tickets',
  filter: (period) => ({ openedAt: instantsIn(period) }),
  fact: (ticket) => ({
    entity: 'Ticket',
    id: ticket.ticketId,
    stream: `Ticket-${ticket.ticketId}`,
    date: ticket.openedAt,
    counted: true,
    rule: `opened in the period (${ticket.channel}, ${ticket.priority})`,
    contribution: 1,
    events: eventsOf(ticket),
  }),
};

const rules: Record<FactKpi, FactRule<never>> = {
  BILLABLE_HOURS: billableHoursRule as FactRule<never>,
  REVENUE_ACCRUAL_CENTS: revenueAccrualRule as FactRule<never>,
  CSAT: csatRule as FactRule<never>,
  TICKETS_OPENED: ticketsOpenedRule as FactRule<never>,
};

/**
 * The facts behind a KPI value over a period, in id order, a page at a time after the id `after`:
 * every entity its rule looked at, counted or excluded and why. The contributions of the counted
 * facts of all pages add up to the KPI's value.
 */
export async function kpiFacts(context: KpiContext, kpi: FactKpi, period: Period, page: { first: number; after?: string | null }): Promise<KpiFactsPage> {
  const rule = rules[kpi];
  const filter: DocumentFilter = { ...rule.filter(periodOf(context, period)), ...(page.after ? { _id: { $gt: page.after } } : {}) };
  const found = await context.reads.find<ReadDocument>(rule.collection, { filter, sort: [['_id', 1]], limit: page.first + 1 });
  const documents = found.documents.slice(0, page.first);
  return {
    facts: documents.map((document) => ({ key: document._id, fact: rule.fact(document as never, context) })),
    hasNextPage: found.documents.length > page.first,
    position: await positionOf(context.reads, [rule.collection]),
  };
}
