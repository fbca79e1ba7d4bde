import { addDays } from '../../core/business-time';
import { documentsByIds, findEvery } from '../shared/documents';
import { oncePerRequest } from '../shared/request-reads';
import type { KpiContext } from '../shared/kpi';
import { chunkKeys, dayBucketId, monthBucketId, stride, type TimeBucketDocument, timeBucketsCollection } from './time-buckets.projection';

/** One key of one bucket: the live entries of a project, consultant, client and billable flag over the bucket's dates. */
export interface TimeBucketRow {
  readonly grain: 'day' | 'month';
  /** First date of the bucket (a month bucket starts on the 1st). */
  readonly start: string;
  readonly projectId: string;
  readonly consultantId: string;
  readonly clientId: string;
  readonly billable: boolean;
  readonly hundredths: number;
  /** Σ hundredths × cost rate: cost in hundredths of a cent, before any rounding. */
  readonly costUnits: number;
  /** Σ of each entry's cost rounded to whole cents (as a cost line rounds it). */
  readonly costCents: number;
  readonly entries: number;
}

export interface TimeBuckets {
  readonly rows: readonly TimeBucketRow[];
  readonly documents: readonly TimeBucketDocument[];
}

/** The first day of the month after `date`'s month. */
export function nextMonthStart(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The fewest buckets covering business dates [fromDate, toDate): a month bucket for every whole
 * calendar month inside, day buckets for the days before the first and after the last of them.
 * At most 61 day buckets plus one per month, however long the period.
 */
export function bucketIdsCovering(fromDate: string, toDate: string, options: { daysOnly?: boolean } = {}): string[] {
  const ids: string[] = [];
  let date = fromDate;
  while (date < toDate) {
    const next = !options.daysOnly && date.endsWith('-01') ? nextMonthStart(date) : null;
    if (next !== null && next <= toDate) {
      ids.push(monthBucketId(date));
      date = next;
    } else {
      ids.push(dayBucketId(date));
      date = addDays(date, 1);
    }
  }
  return ids;
}

/** Which keys of the buckets a read keeps (checked before a key is split into its fields). */
export interface RowFilter {
  readonly projects?: ReadonlySet<string>;
  readonly clientId?: string;
}

/** The rows of the buckets, those the filter keeps. */
export function rowsOf(documents: readonly TimeBucketDocument[], filter: RowFilter = {}): TimeBucketRow[] {
  const { projects, clientId } = filter;
  const rows: TimeBucketRow[] = [];
  for (const { grain, start, keys, sums } of documents) {
    keys.forEach((key, index) => {
      const chunk = sums[Math.floor(index / chunkKeys)]!;
      const at = (index % chunkKeys) * stride;
      // A key whose entries all moved away or were deleted stays in its bucket at zero.
      if (chunk[at + 3] === 0) return;
      if (projects && !projects.has(key.slice(0, key.indexOf('\t')))) return;
      if (clientId !== undefined && clientOfKey(key) !== clientId) return;
      const [projectId, consultantId, client, billable] = key.split('\t') as [string, string, string, string];
      rows.push({ grain, start, projectId, consultantId, clientId: client, billable: billable === '1', hundredths: chunk[at]!, costUnits: chunk[at + 1]!, costCents: chunk[at + 2]!, entries: chunk[at + 3]! });
    });
  }
  return rows;
}

/** The client of a key `project\tconsultant\tclient\tbillable`. */
function clientOfKey(key: string): string {
  const end = key.lastIndexOf('\t');
  return key.slice(key.lastIndexOf('\t', end - 1) + 1, end);
}

/**
 * The buckets of the time entries whose work date is in [fromDate, toDate), read once per request
 * whichever KPIs ask (billable hours, utilisation, budget burn, costs, margins). Shared: read only.
 */
export function timeBucketsIn(context: KpiContext, fromDate: string, toDate: string): Promise<TimeBuckets> {
  return oncePerRequest(context.reads, `time-buckets|${fromDate}|${toDate}`, async () => {
    const found = await documentsByIds<TimeBucketDocument>(context.reads, timeBucketsCollection, bucketIdsCovering(fromDate, toDate));
    const documents = [...found.values()];
    return { rows: rowsOf(documents), documents };
  });
}

/**
 * One client's rows of the day buckets of [fromDate, toDate): the days are read once per request
 * (a month in which several clients changed tier is read once), each client's rows taken from them.
 */
export async function clientDayRowsIn(context: KpiContext, clientId: string, fromDate: string, toDate: string): Promise<TimeBucketRow[]> {
  const days = await oncePerRequest(context.reads, `time-day-buckets|${fromDate}|${toDate}`, async () => [
    ...(await documentsByIds<TimeBucketDocument>(context.reads, timeBucketsCollection, bucketIdsCovering(fromDate, toDate, { daysOnly: true }))).values(),
  ]);
  return rowsOf(days, { clientId });
}

/**
 * The buckets of the given projects' time entries with a work date before `toDate`: whole months
 * by a range of ids (`month:YYYY-MM` sorts by month; an index over every entry for the few month
 * buckets cost a rebuild 0.3 s of CPU), then the days of the last one.
 */
export async function timeBucketsBefore(context: KpiContext, toDate: string, projects: ReadonlySet<string>): Promise<TimeBuckets> {
  const monthOfTo = `${toDate.slice(0, 7)}-01`;
  const [months, days] = await Promise.all([
    findEvery<TimeBucketDocument>(context.reads, timeBucketsCollection, { _id: { $gt: 'month:', $lt: monthBucketId(monthOfTo) } }),
    documentsByIds<TimeBucketDocument>(context.reads, timeBucketsCollection, bucketIdsCovering(monthOfTo, toDate)),
  ]);
  const documents = [...months, ...days.values()];
  return { rows: rowsOf(documents, { projects }), documents };
}

/** Hours of rows, exactly (hundredths summed, divided once). */
export const hoursOfRows = (rows: readonly TimeBucketRow[]): number => rows.reduce((total, row) => total + row.hundredths, 0) / 100;

/** Hours per key, exactly, like `hoursBy` over entries. */
export function hoursByRow(rows: readonly TimeBucketRow[], key: (row: TimeBucketRow) => string): Record<string, number> {
  const hundredths: Record<string, number> = {};
  for (const row of rows) hundredths[key(row)] = (hundredths[key(row)] ?? 0) + row.hundredths;
  return Object.fromEntries(Object.entries(hundredths).map(([k, total]) => [k, total / 100]));
}
