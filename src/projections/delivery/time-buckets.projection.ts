import type { RecordedEvent } from '../../core/messages';
import type { ReadDocument } from '../../core/read-store.port';
import type { HoursLogged, TimeEntryCorrected, TimeEntryDeleted, TimeEntryFacts } from '../../aggregates/project/project.events';
import { hundredthsOf } from './hours';

/** The buckets live in the time entries' collection (ids `day:…`, `month:…`; entries have no `grain`). */
export const timeBucketsCollection = 'time_entries';

/** Matches the time entries of that collection and none of its buckets: only entries have a work date. */
export const timeEntriesOnly = { workDate: { $gte: '0000-01-01' } } as const;

/**
 * The live time entries of one business day (`day:YYYY-MM-DD`) or one calendar month of work dates
 * (`month:YYYY-MM`), summed per project, consultant, client and billable flag. Every measure is an
 * integer, so adding and subtracting entries (corrections, deletions) stays exact:
 * per key, `stride` numbers: [hours in hundredths, Σ hundredths × cost rate, Σ per-entry cost
 * cents, live entries] — the per-entry cost is rounded as a cost line rounds it. A key whose
 * entries all left stays, at zero entries (readers skip it), so keys never move.
 */
export interface TimeBucketDocument extends ReadDocument {
  readonly grain: 'day' | 'month';
  /** First business date the bucket covers. */
  readonly start: string;
  /** `projectId \t consultantId \t clientId \t 1|0 (billable)`. */
  readonly keys: string[];
  /**
   * `stride` numbers per key, in the order of `keys`, in chunks of `chunkKeys` keys: an event
   * copies the list of chunks and the one chunk it changes, not every sum of a month bucket
   * (hundreds of keys; copying them all per event made rebuilds collect gigabytes of garbage).
   */
  readonly sums: number[][];
}

export const stride = 4;
export const chunkKeys = 32;
const separator = '\t';

/** One entry's share of a bucket, signed: +1 when it joins, −1 when it leaves. */
interface Contribution {
  readonly workDate: string;
  readonly key: string;
  readonly sign: 1 | -1;
  readonly hundredths: number;
  readonly costRateCents: number;
}

export const bucketKeyOf = (facts: Pick<TimeEntryFacts, 'projectId' | 'consultantId' | 'clientId'>, billable: boolean): string =>
  [facts.projectId, facts.consultantId, facts.clientId, billable ? '1' : '0'].join(separator);

export const dayBucketId = (date: string): string => `day:${date}`;
export const monthBucketId = (date: string): string => `month:${date.slice(0, 7)}`;

type TimeEntryEvent = HoursLogged | TimeEntryCorrected | TimeEntryDeleted;

function contributionsOf(event: TimeEntryEvent): Contribution[] {
  const share = (facts: TimeEntryFacts, workDate: string, hours: number, billable: boolean, sign: 1 | -1): Contribution => ({
    workDate,
    key: bucketKeyOf(facts, billable),
    sign,
    hundredths: hundredthsOf(hours),
    costRateCents: facts.costRateCents,
  });
  const { data } = event;
  switch (event.type) {
    case 'HoursLogged':
      return [share(data, data.workDate, data.hours, data.billable, 1)];
    case 'TimeEntryCorrected': {
      // The event carries the values it replaced: out of their bucket, the new ones into theirs.
      const { previous } = event.data;
      return [share(data, previous.workDate, previous.hours, previous.billable, -1), share(data, data.workDate, data.hours, data.billable, 1)];
    }
    case 'TimeEntryDeleted':
      return [share(data, data.workDate, data.hours, data.billable, -1)];
    default:
      return [];
  }
}

const bucketsOf = (contribution: Contribution) => [dayBucketId(contribution.workDate), monthBucketId(contribution.workDate)];

// The runner asks for an event's documents, then evolves each of them: work the event out once.
const contributionsSeen = new WeakMap<object, Contribution[]>();

function contributionsOfRecorded(event: RecordedEvent): Contribution[] {
  let contributions = contributionsSeen.get(event);
  if (!contributions) {
    contributions = contributionsOf(event as unknown as TimeEntryEvent);
    contributionsSeen.set(event, contributions);
  }
  return contributions;
}

// A month bucket holds hundreds of keys: find one through a map, not by comparing strings. Keys are
// only ever appended, so every version of a bucket shares one map (a version whose keys array is
// shorter ignores the positions past its end), passed on when a key is appended.
const indexes = new WeakMap<readonly string[], Map<string, number>>();

function indexMapOf(keys: readonly string[]): Map<string, number> {
  let index = indexes.get(keys);
  if (!index) {
    index = new Map(keys.map((each, position) => [each, position]));
    indexes.set(keys, index);
  }
  return index;
}

function indexOf(keys: readonly string[], key: string): number {
  const position = indexMapOf(keys).get(key);
  return position === undefined || position >= keys.length ? -1 : position;
}

/** `keys` with `key` appended, sharing its map of positions. */
function appended(keys: readonly string[], key: string): string[] {
  // Another version already appended to this one (a batch folded again): start a map of its own.
  const shared = indexMapOf(keys);
  const index = shared.size === keys.length ? shared : new Map(keys.map((each, position) => [each, position]));
  const next = [...keys, key];
  index.set(key, next.length - 1);
  indexes.set(next, index);
  return next;
}

/** The buckets an event changes: its work date's day and month, and the previous ones of a correction. */
export const timeBucketIdsOf = (event: RecordedEvent): string[] => contributionsOfRecorded(event).flatMap(bucketsOf);

export const isTimeBucketId = (id: string): boolean => id.startsWith('day:') || id.startsWith('month:');

/**
 * Time entries pre-summed by work date, so a KPI over any period reads a bounded number of
 * buckets: whole months of the period from month buckets, the days at either end from day buckets.
 * Folded by the time entries' own projection into its collection, beside the entries: the entries'
 * events are read once, not once more for the buckets.
 */
export function evolveTimeBucket(document: TimeBucketDocument | null, recorded: RecordedEvent, id: string): TimeBucketDocument {
  const mine = contributionsOfRecorded(recorded).filter((contribution) => bucketsOf(contribution).includes(id));
  let bucket = document ?? emptyBucket(id);
  for (const contribution of mine) bucket = applied(bucket, contribution);
  return bucket;
}

export const timeBucketIndexes = [{ name: 'time_buckets_grain_start', fields: ['grain', 'start'] }];

function emptyBucket(id: string): TimeBucketDocument {
  const [grain, start] = id.split(':') as ['day' | 'month', string];
  return { _id: id, grain, start: grain === 'day' ? start : `${start}-01`, keys: [], sums: [] };
}

/** The bucket with one contribution added (a new key goes at the end). */
function applied(bucket: TimeBucketDocument, contribution: Contribution): TimeBucketDocument {
  const { key, sign, hundredths, costRateCents } = contribution;
  let keys = bucket.keys;
  const chunks = bucket.sums.slice();
  let index = indexOf(keys, key);
  if (index < 0) {
    index = keys.length;
    keys = appended(keys, key);
    if (index % chunkKeys === 0) chunks.push([]);
    const last = chunks.length - 1;
    chunks[last] = [...chunks[last]!, 0, 0, 0, 0];
  }
  const chunk = Math.floor(index / chunkKeys);
  const sums = chunks[chunk]!.slice();
  const at = (index % chunkKeys) * stride;
  sums[at] = sums[at]! + sign * hundredths;
  sums[at + 1] = sums[at + 1]! + sign * hundredths * costRateCents;
  sums[at + 2] = sums[at + 2]! + sign * Math.round((hundredths * costRateCents) / 100);
  sums[at + 3] = sums[at + 3]! + sign;
  chunks[chunk] = sums;
  return { ...bucket, keys, sums: chunks };
}
