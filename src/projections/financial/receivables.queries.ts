import { addDays, businessDate, daysBetween, type Period, type ResolvedPeriod } from '../../core/business-time';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { addTo } from './financial.reads';
import { distinctById, findEvery } from '../shared/documents';
import { invoicesCollection, type InvoiceDocument } from './invoices.projection';
import { invoicedIn } from './revenue.queries';
import { baseCurrencyOf, invoiceBaseCents, paymentBaseCents } from './base-amounts';
import { invoiceSumsCollection } from './invoice.sums';
import { paymentTermsIn } from './invoice-sums.reads';
import { paidOnTime, paymentTermDays } from './payment-terms';

export interface Aging {
  readonly current: number;
  readonly days1To30: number;
  readonly days31To60: number;
  readonly days61To90: number;
  readonly days90Plus: number;
}

export interface Receivables {
  /** The last business date of the period: balances and days past due are taken at its end. */
  readonly asOf: string;
  readonly totalCents: number;
  readonly invoiceCount: number;
  readonly aging: Aging;
  readonly byClient: Record<string, number>;
  /** The base currency of the totals, and every open balance in its own currency's cents. */
  readonly currency: string;
  readonly byCurrency: Record<string, number>;
}

/** Invoices issued by the period's end that were still open then, whatever happened after. */
export async function openAtEnd(context: KpiContext, period: ResolvedPeriod): Promise<InvoiceDocument[]> {
  const issued = { issuedOn: { $lt: period.toDate } };
  const queries = [
    { ...issued, status: { $in: ['OPEN', 'PARTIALLY_PAID'] } },
    { ...issued, paidOn: { $gte: period.toDate } },
    { ...issued, voidedAt: { $gte: period.toInstant } },
  ];
  const found = await Promise.all(queries.map((filter) => findEvery<InvoiceDocument>(context.reads, invoicesCollection, filter)));
  return distinctById(found.flat());
}

/** The balance at the period's end in the invoice's currency, and in base cents (null: no rate). */
export function balanceAt(context: KpiContext, invoice: InvoiceDocument, period: ResolvedPeriod): { cents: number; baseCents: number | null } {
  const paidBefore = invoice.payments.filter((payment) => payment.paidOn < period.toDate);
  const cents = invoice.amountCents - paidBefore.reduce((total, payment) => total + payment.amountCents, 0);
  const base = invoiceBaseCents(context, invoice);
  const paidBase = paidBefore.map((payment) => paymentBaseCents(context, invoice, payment));
  if (base === null || paidBase.includes(null)) return { cents, baseCents: null };
  return { cents, baseCents: base - paidBase.reduce<number>((total, paid) => total + paid!, 0) };
}

function bucketOf(daysPastDue: number): keyof Aging {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days1To30';
  if (daysPastDue <= 60) return 'days31To60';
  return daysPastDue <= 90 ? 'days61To90' : 'days90Plus';
}

/**
 * receivables and aging: unpaid balances at the end of the period of invoices issued by then and
 * not voided by then (payments dated after the period do not reduce them), bucketed by calendar
 * days past the due date on the period's last day: current (not yet past due), 1–30, 31–60, 61–90,
 * 90+ (91 days and more).
 */
export async function receivables(context: KpiContext, period: Period): Promise<KpiResult<Receivables>> {
  const resolved = periodOf(context, period);
  const asOf = addDays(resolved.toDate, -1);
  const invoices = await openAtEnd(context, resolved);
  const aging: Record<keyof Aging, number> = { current: 0, days1To30: 0, days31To60: 0, days61To90: 0, days90Plus: 0 };
  const byClient: Record<string, number> = {};
  let totalCents = 0;
  let invoiceCount = 0;
  const byCurrency: Record<string, number> = {};
  for (const invoice of invoices) {
    const { cents, baseCents } = balanceAt(context, invoice, resolved);
    if (cents <= 0) continue;
    addTo(byCurrency, invoice.currency, cents);
    if (baseCents === null) continue;
    const balance = baseCents;
    totalCents += balance;
    invoiceCount++;
    aging[bucketOf(daysBetween(invoice.dueOn, asOf))] += balance;
    addTo(byClient, invoice.clientId, balance);
  }
  return kpiResult(context, [invoicesCollection], invoices, { asOf, totalCents, invoiceCount, aging, byClient, currency: baseCurrencyOf(context), byCurrency });
}

export interface PaidWithin30Days {
  readonly rate: number | null;
  readonly paidWithin30Days: number;
  /** Issued in the period and paid, or unpaid more than 30 days after issue as of `asOf`. */
  readonly eligible: number;
  /** Invoices issued in the period (voided ones excluded). */
  readonly issued: number;
  readonly asOf: string;
}

export interface PaidWithin30DaysOptions {
  /** Business date the 30 days are judged on; defaults to today in the business time zone. */
  readonly asOf?: string;
}

/**
 * paidWithin30DaysRate: invoices issued in the period (voided ones excluded) and paid in full at
 * most 30 calendar days after their issue date ÷ those issued in the period that are paid or whose
 * 30 days had passed by `asOf`. `asOf` defaults to today: a past month is judged on everything
 * known now, so an invoice still unpaid on day 31 counts against the month it was issued in.
 */
export async function paidWithin30DaysRate(context: KpiContext, period: Period, options: PaidWithin30DaysOptions = {}): Promise<KpiResult<PaidWithin30Days>> {
  const asOf = options.asOf ?? businessDate(new Date(), context.timeZone);
  const resolved = periodOf(context, period);
  if (context.path === 'scan') {
    const invoices = await invoicedIn(context, resolved);
    return kpiResult(context, [invoicesCollection], invoices, paidWithin30DaysOf(judged(invoices, asOf), asOf));
  }
  // Issued more than the terms before asOf, an invoice is judged for good: eligible, and on time
  // only if paid in full within the terms, whenever it was paid (by then, before asOf). The invoice
  // sums count those by issue date; the later ones are judged one by one.
  const settledBefore = clampDate(addDays(asOf, -paymentTermDays), resolved.fromDate, resolved.toDate);
  const [settled, recent] = await Promise.all([
    paymentTermsIn(context, resolved.fromDate, settledBefore),
    settledBefore < resolved.toDate ? invoicedIn(context, { ...resolved, fromDate: settledBefore }) : Promise.resolve([]),
  ]);
  const open = judged(recent, asOf);
  const counts = { issued: settled.issued + open.issued, eligible: settled.issued + open.eligible, onTime: settled.onTime + open.onTime };
  const result = await kpiResult(context, [invoiceSumsCollection, invoicesCollection], recent, paidWithin30DaysOf(counts, asOf));
  return { ...result, eventCount: result.eventCount + settled.issued };
}

interface TermCounts {
  readonly issued: number;
  readonly eligible: number;
  readonly onTime: number;
}

/** Paid (by asOf) or past its terms unpaid: eligible; paid by asOf within the terms: on time. */
function judged(invoices: readonly InvoiceDocument[], asOf: string): TermCounts {
  const paid = (invoice: InvoiceDocument) => invoice.paidOn !== null && invoice.paidOn <= asOf;
  const eligible = invoices.filter((invoice) => paid(invoice) || daysBetween(invoice.issuedOn, asOf) > paymentTermDays);
  return { issued: invoices.length, eligible: eligible.length, onTime: eligible.filter((invoice) => paid(invoice) && paidOnTime(invoice)).length };
}

const paidWithin30DaysOf = ({ issued, eligible, onTime }: TermCounts, asOf: string): PaidWithin30Days => ({ rate: ratio(onTime, eligible), paidWithin30Days: onTime, eligible, issued, asOf });

const clampDate = (date: string, from: string, to: string): string => (date < from ? from : date > to ? to : date);
