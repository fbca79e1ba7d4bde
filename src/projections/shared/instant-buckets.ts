import type { Contribution } from '../../core/projection-sums';
import { type SumDocument, sumDocumentId } from '../../core/projection-sums';
import type { ReadStore } from '../../core/read-store.port';

/**
 * Sums over UTC instants: a document contributes to the month, the day and the hour of its
 * instant (`<measure>:m:YYYY-MM`, `:d:YYYY-MM-DD`, `:h:YYYY-MM-DDTHH`). A period [from, to) is read
 * as whole months, then whole days, then whole hours inside it, and the minutes either side of its
 * first and last whole hour (none for periods of business dates in a time zone whose offset is in
 * whole hours, such as Brisbane) are left to the caller to scan: at most ~46 hours, ~60 days and
 * one per month, whatever the size of the store.
 */
export function instantContributions(measure: string, instant: string, amounts: Contribution['amounts']): Contribution[] {
  return [
    { bucket: `${measure}:m:${instant.slice(0, 7)}`, amounts },
    { bucket: `${measure}:d:${instant.slice(0, 10)}`, amounts },
    { bucket: `${measure}:h:${instant.slice(0, 13)}`, amounts },
  ];
}

const hourMs = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The buckets covering whole hours of [from, to), and the sub-hour ranges left at its ends. */
export function instantBucketsCovering(measure: string, fromInstant: string, toInstant: string): { buckets: string[]; edges: Array<readonly [string, string]> } {
  const from = Date.parse(fromInstant);
  const to = Date.parse(toInstant);
  const first = Math.ceil(from / hourMs) * hourMs;
  const last = Math.floor(to / hourMs) * hourMs;
  if (first >= last) return { buckets: [], edges: from < to ? [[fromInstant, toInstant]] : [] };
  const edges: Array<readonly [string, string]> = [];
  if (from < first) edges.push([fromInstant, iso(first)]);
  if (last < to) edges.push([iso(last), toInstant]);
  const buckets: string[] = [];
  let at = first;
  while (at < last) {
    const date = new Date(at);
    const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    const startOfDay = at % (24 * hourMs) === 0;
    if (startOfDay && date.getUTCDate() === 1 && nextMonth <= last) {
      buckets.push(`${measure}:m:${iso(at).slice(0, 7)}`);
      at = nextMonth;
    } else if (startOfDay && at + 24 * hourMs <= last) {
      buckets.push(`${measure}:d:${iso(at).slice(0, 10)}`);
      at += 24 * hourMs;
    } else {
      buckets.push(`${measure}:h:${iso(at).slice(0, 13)}`);
      at += hourMs;
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
