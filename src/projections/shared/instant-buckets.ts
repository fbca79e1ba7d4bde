import { type Contribution, type DerivedSums, type SumDocument, sumDocumentId } from '../../core/projection-sums';
import type { ReadDocument, ReadStore } from '../../core/read-store.port';

/**
 * Sums over UTC instants: a document contributes to the month and the day of its instant
 * (`<measure>:m:YYYY-MM`, `:d:YYYY-MM-DD`). A period [from, to) is read as whole months, then whole
 * days inside it; the hours either side of its first and last whole UTC day (a period of
 * Brisbane dates starts and ends at 14:00 UTC) are left to the caller to read from the documents,
 * by their index on the instant: at most ~60 day and one month sum per month, plus two partial
 * days of documents, whatever the size of the store. No hour sums: a rebuild would write about one
 * per document.
 */
export function instantContributions(measure: string, instant: string, amounts: Contribution['amounts'], grains: Grains = 'months and days'): Contribution[] {
  const day = { bucket: `${measure}:d:${instant.slice(0, 10)}`, amounts };
  return grains === 'days' ? [day] : [{ bucket: `${measure}:m:${instant.slice(0, 7)}`, amounts }, day];
}

/**
 * Month sums pay when they merge many documents into few rows (counts by workflow or channel);
 * sums with a row per document (each duration) hold as many rows in a month as in its days, and a
 * rebuild would rewrite each month's growing document batch after batch: those keep days only.
 */
export type Grains = 'months and days' | 'days';

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The buckets covering whole UTC days of [from, to), and the partial days left at its ends. */
export function instantBucketsCovering(measure: string, fromInstant: string, toInstant: string, grains: Grains = 'months and days'): { buckets: string[]; edges: Array<readonly [string, string]> } {
  const from = Date.parse(fromInstant);
  const to = Date.parse(toInstant);
  const first = Math.ceil(from / dayMs) * dayMs;
  const last = Math.floor(to / dayMs) * dayMs;
  if (first >= last) return { buckets: [], edges: from < to ? [[fromInstant, toInstant]] : [] };
  const edges: Array<readonly [string, string]> = [];
  if (from < first) edges.push([fromInstant, iso(first)]);
  if (last < to) edges.push([iso(last), toInstant]);
  const buckets: string[] = [];
  let at = first;
  while (at < last) {
    const date = new Date(at);
    const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    if (grains === 'months and days' && date.getUTCDate() === 1 && nextMonth <= last) {
      buckets.push(`${measure}:m:${iso(at).slice(0, 7)}`);
      at = nextMonth;
    } else {
      buckets.push(`${measure}:d:${iso(at).slice(0, 10)}`);
      at += dayMs;
    }
  }
  return { buckets, edges };
}

/** Σ of each key over the sum documents of `buckets` (missing ones are zero). */
export async function sumsOf(reads: ReadStore, collection: string, buckets: readonly string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  if (buckets.length === 0) return totals;
  const found = await reads.getMany<SumDocument>(collection, buckets.map(sumDocumentId));
  for (const { document } of found.values()) {
    if (!document) continue;
    for (const [key, amount] of document.rows) totals.set(key, (totals.get(key) ?? 0) + amount);
  }
  return totals;
}

/** What falls in one partial day [from, to) at a period's end, read from wherever the measure's facts are indexed. */
export type EdgeAmounts = (from: string, to: string) => Promise<Iterable<readonly [string, number]>>;

/**
 * Σ of each key of one measure's sums over [from, to): the whole UTC days (and months) from the
 * sum documents, the partial days at its ends from `edge`.
 */
export async function periodSums(reads: ReadStore, collection: string, measure: string, period: { readonly fromInstant: string; readonly toInstant: string }, edge: EdgeAmounts, grains: Grains = 'months and days'): Promise<Map<string, number>> {
  const { buckets, edges } = instantBucketsCovering(measure, period.fromInstant, period.toInstant, grains);
  const totals = await sumsOf(reads, collection, buckets);
  for (const [from, to] of edges) {
    for (const [key, amount] of await edge(from, to)) totals.set(key, (totals.get(key) ?? 0) + amount);
  }
  return totals;
}

/**
 * The partial days of sums whose documents are indexed on the measure's instant (`field`): the
 * documents whose instant falls in [from, to), through the same `sums`, each adding what it adds
 * to its day.
 */
export function indexedEdge<D extends ReadDocument>(reads: ReadStore, collection: string, field: keyof D & string, sums: DerivedSums<D>, measure: string): EdgeAmounts {
  const day = `${measure}:d:`;
  return async (from, to) => {
    const { documents } = await reads.find<D>(collection, { filter: { [field]: { $gte: from, $lt: to } } });
    return documents.flatMap((document) => sums.of(document).flatMap(({ bucket, amounts }) => (bucket.startsWith(day) ? amounts : [])));
  };
}
