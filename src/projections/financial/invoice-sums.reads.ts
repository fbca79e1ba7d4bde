import type { ResolvedPeriod } from '../../core/business-time';
import type { SumDocument } from '../../core/projection-sums';
import { sumDocumentId } from '../../core/projection-sums';
import { bucketIdsCovering } from '../delivery/time-buckets.reads';
import { baseCurrencyOf, type KpiContext } from '../shared/kpi';
import { oncePerRequest } from '../shared/request-reads';
import { tierVariesInMonth } from './cost-tiers';
import { clientsByIds } from './financial.reads';
import type { ClientDocument } from './clients.projection';
import { clientMonthBucket, invoiceEventsKey, invoiceSumsCollection } from './invoice.sums';

/** An amount dated on a business day for one client, in base cents (null: no rate to convert it). */
export interface DatedAmount {
  readonly clientId: string;
  readonly date: string;
  readonly amountCents: number | null;
  /** The document's currency and its cents in it, for the per-currency breakdown. */
  readonly currency?: string;
  readonly documentCents?: number;
}

type Measure = 'accrual' | 'cash' | 'terms' | 'project';

interface Bucket {
  readonly grain: 'd' | 'm';
  /** The bucket's first date (a month's 1st). */
  readonly start: string;
  readonly rows: ReadonlyArray<readonly [string, number]>;
}

/**
 * The sums covering business dates [fromDate, toDate): a bucket per whole month, then one per day
 * of the partial months at its ends, each day's rows taken from its month's `dm` document.
 */
async function bucketsIn(context: KpiContext, measure: Measure, fromDate: string, toDate: string): Promise<Bucket[]> {
  const covering = bucketIdsCovering(fromDate, toDate).map((id) =>
    id.startsWith('day:') ? { grain: 'd' as const, start: id.slice(4) } : { grain: 'm' as const, start: `${id.slice(6)}-01` },
  );
  const documentOf = ({ grain, start }: { grain: 'd' | 'm'; start: string }) => sumDocumentId(`${measure}:${grain === 'd' ? 'dm' : 'm'}:${start.slice(0, 7)}`);
  const ids = [...new Set(covering.map(documentOf))];
  const found = await context.reads.getMany<SumDocument>(invoiceSumsCollection, ids);
  const days = new Map<string, Map<string, Array<[string, number]>>>();
  const daysOf = (id: string) => {
    let byDay = days.get(id);
    if (!byDay) days.set(id, (byDay = rowsByDay(found.get(id)?.document)));
    return byDay;
  };
  return covering.flatMap((bucket) => {
    const id = documentOf(bucket);
    const rows = bucket.grain === 'm' ? found.get(id)?.document.rows : daysOf(id).get(bucket.start.slice(8, 10));
    return rows ? [{ ...bucket, rows }] : [];
  });
}

/** The days of each `client\tYYYY-MM-01` pair's month, each bucket holding only that client's lines (its `cm` document). */
async function clientMonthDays(context: KpiContext, measure: Measure, pairs: readonly string[]): Promise<Bucket[]> {
  const months = pairs.map((pair) => {
    const [clientId, monthStart] = pair.split('\t') as [string, string];
    return { month: monthStart.slice(0, 7), id: sumDocumentId(clientMonthBucket(measure, monthStart.slice(0, 7), clientId)) };
  });
  const found = await context.reads.getMany<SumDocument>(invoiceSumsCollection, months.map(({ id }) => id));
  return months.flatMap(({ month, id }) => [...rowsByDay(found.get(id)?.document)].map(([day, rows]) => ({ grain: 'd' as const, start: `${month}-${day}`, rows })));
}

/** A `dm` or `cm` document's rows by day of the month (`DD`), each key without its day. */
function rowsByDay(document: SumDocument | undefined): Map<string, Array<[string, number]>> {
  const byDay = new Map<string, Array<[string, number]>>();
  for (const [key, amount] of document?.rows ?? []) {
    const day = key.slice(0, 2);
    let rows = byDay.get(day);
    if (!rows) byDay.set(day, (rows = []));
    rows.push([key.slice(3), amount]);
  }
  return byDay;
}

/** Invoices issued on business dates [fromDate, toDate), not voided: how many, and how many were paid on time. */
export async function paymentTermsIn(context: KpiContext, fromDate: string, toDate: string): Promise<{ issued: number; onTime: number }> {
  const counts = { issued: 0, onTime: 0 };
  if (fromDate >= toDate) return counts;
  for (const { rows } of await bucketsIn(context, 'terms', fromDate, toDate)) {
    for (const [key, count] of rows) if (key === 'issued' || key === 'onTime') counts[key] += count;
  }
  return counts;
}

/** What a project's invoices issued in the period add up to, in base cents (lines without a rate add nothing). */
export interface ProjectRevenue {
  /** The client of the project's first invoice by client id, for a project the projects read model does not hold. */
  readonly clientId: string;
  readonly revenueCents: number;
}

/** Invoiced worth per project of the invoices issued in the period and not voided, and how many invoices that is. */
export async function projectRevenueIn(context: KpiContext, period: ResolvedPeriod): Promise<{ byProject: Map<string, ProjectRevenue>; invoices: number }> {
  const base = baseCurrencyOf(context);
  const fields = new Map<string, Map<string, number>>();
  for (const { rows } of await bucketsIn(context, 'project', period.fromDate, period.toDate)) {
    for (const [key, amount] of rows) {
      const cut = key.lastIndexOf('\t');
      const line = key.slice(0, cut);
      const found = fields.get(line) ?? new Map<string, number>();
      fields.set(line, found);
      const field = key.slice(cut + 1);
      found.set(field, (found.get(field) ?? 0) + amount);
    }
  }
  const byProject = new Map<string, ProjectRevenue>();
  let invoices = 0;
  for (const line of [...fields.keys()].sort()) {
    const [projectId, clientId, currency] = line.split('\t') as [string, string, string];
    const sums = fields.get(line)!;
    const lines = sums.get('n') ?? 0;
    if (lines === 0) continue;
    invoices += lines;
    const cents = currency === base ? (sums.get('c') ?? 0) : (sums.get('nb') ?? 0) > 0 ? (sums.get('b') ?? 0) : 0;
    const found = byProject.get(projectId);
    byProject.set(projectId, { clientId: found?.clientId ?? clientId, revenueCents: (found?.revenueCents ?? 0) + cents });
  }
  return { byProject, invoices };
}

export interface SummedAmounts {
  /** One amount per client, currency and bucket, dated on the bucket's first day. */
  readonly amounts: DatedAmount[];
  readonly events: number;
  readonly clientIds: string[];
}

/**
 * Accrual or cash amounts of the period from the invoice sums, as the scan path's `DatedAmount`s
 * but one per client, currency and bucket. A month bucket is dated on its 1st: a client whose tier
 * changed within that month has its month replaced by its days, so a tier is still judged per date.
 * Computed once per request whichever KPIs ask (revenue, profit margin, cash flow, revenue per hour).
 */
export function summedAmounts(context: KpiContext, measure: Measure, period: ResolvedPeriod): Promise<SummedAmounts & { clients: ReadonlyMap<string, ClientDocument> }> {
  const key = `invoice-sums|${measure}|${period.fromDate}|${period.toDate}|${context.timeZone}|${baseCurrencyOf(context)}`;
  return oncePerRequest(context.reads, key, () => computeSummedAmounts(context, measure, period));
}

async function computeSummedAmounts(context: KpiContext, measure: Measure, period: ResolvedPeriod): Promise<SummedAmounts & { clients: ReadonlyMap<string, ClientDocument> }> {
  const clientsOf = (ids: string[]) => clientsByIds(context, ids);
  const buckets = (await bucketsIn(context, measure, period.fromDate, period.toDate)).map(parsed);
  const clientIds = new Set<string>();
  for (const bucket of buckets) for (const line of bucket.lines) clientIds.add(line.clientId);
  const clients = await clientsOf([...clientIds]);
  // A client with one tier all along never needs its month split.
  const split = new Set<string>();
  for (const bucket of buckets) {
    if (bucket.grain !== 'm') continue;
    for (const { clientId } of bucket.lines) {
      const client = clients.get(clientId);
      const pair = `${clientId}\t${bucket.start}`;
      if (client && client.tierHistory.length > 1 && !split.has(pair) && tierVariesInMonth(client, bucket.start, context.timeZone)) split.add(pair);
    }
  }
  const days = (await clientMonthDays(context, measure, [...split])).map(parsed);
  const base = baseCurrencyOf(context);
  const amounts: DatedAmount[] = [];
  let events = 0;
  const add = (bucket: ParsedBucket, keep: (clientId: string) => boolean) => {
    for (const { clientId, currency, c, b, nb } of bucket.lines) {
      if (!keep(clientId)) continue;
      const amountCents = currency === base ? c : nb > 0 ? b : null;
      amounts.push({ clientId, date: bucket.start, amountCents, currency, documentCents: c });
    }
  };
  for (const bucket of buckets) {
    events += bucket.events;
    add(bucket, split.size === 0 || bucket.grain === 'd' ? () => true : (clientId) => !split.has(`${clientId}\t${bucket.start}`));
  }
  for (const day of days) add(day, (clientId) => split.has(`${clientId}\t${day.start.slice(0, 8)}01`));
  return { amounts, events, clientIds: [...clientIds], clients };
}

/** A client's line in one currency: its cents (`c`), base cents (`b`) and rated lines (`nb`); its lines (`n`) count only as events. */
interface LineSums {
  readonly clientId: string;
  readonly currency: string;
  c: number;
  b: number;
  nb: number;
}

interface ParsedBucket {
  readonly grain: 'd' | 'm';
  readonly start: string;
  readonly events: number;
  readonly lines: readonly LineSums[];
}

/** A bucket's rows as one line per client and currency (keys `client\tcurrency\tfield`, sorted). */
function parsed(bucket: Bucket): ParsedBucket {
  const lines: LineSums[] = [];
  let events = 0;
  let prefix = '';
  let line: LineSums | null = null;
  for (const [key, amount] of bucket.rows) {
    if (key.startsWith(invoiceEventsKey)) {
      events += amount;
      continue;
    }
    const cut = key.lastIndexOf('\t');
    if (line === null || cut !== prefix.length || !key.startsWith(prefix)) {
      prefix = key.slice(0, cut);
      const tab = prefix.indexOf('\t');
      line = { clientId: prefix.slice(0, tab), currency: prefix.slice(tab + 1), c: 0, b: 0, nb: 0 };
      lines.push(line);
    }
    const field = key.slice(cut + 1);
    if (field === 'c' || field === 'b' || field === 'nb') line[field] = amount;
    // The facts behind the bucket: invoices (accrual) or payment and refund lines (cash).
    if (field === 'n') events += amount;
  }
  return { grain: bucket.grain, start: bucket.start, events, lines };
}
