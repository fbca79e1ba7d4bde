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

export const bucketKeyOf = (facts: Pick<TimeEntryFacts, 'projectId' | 'consultantId' | 'clientId'>, billable: boolean): string =>
  `${facts.projectId}${separator}${facts.consultantId}${separator}${facts.clientId}${separator}${billable ? '1' : '0'}`;

export const dayBucketId = (date: string): string => `day:${date}`;
export const monthBucketId = (date: string): string => `month:${date.slice(0, 7)}`;

type TimeEntryEvent = HoursLogged | TimeEntryCorrected | TimeEntryDeleted;

/** One entry's share of the buckets of its work date, signed: +1 when it joins, −1 when it leaves. */
type Share = (facts: TimeEntryFacts, workDate: string, hours: number, billable: boolean, sign: 1 | -1) => void;

/**
 * Calls `share` for each share the event moves. A visitor, not a list of shares: a rebuild calls
 * it twice per event and bucket, and allocating (or caching) shares per event was a tenth of its CPU.
 */
function eachShare(recorded: RecordedEvent, share: Share): void {
  const event = recorded as unknown as TimeEntryEvent;
  const { data } = event;
  switch (event.type) {
    case 'HoursLogged':
      return share(data, data.workDate, data.hours, data.billable, 1);
    case 'TimeEntryCorrected': {
      // The event carries the values it replaced: out of their bucket, the new ones into theirs.
      const { previous } = event.data;
      share(data, previous.workDate, previous.hours, previous.billable, -1);
      return share(data, data.workDate, data.hours, data.billable, 1);
    }
    case 'TimeEntryDeleted':
      return share(data, data.workDate, data.hours, data.billable, -1);
  }
}

/** Whether a work date falls in the bucket `id` names. */
function coveredBy(id: string): (workDate: string) => boolean {
  const [grain, start] = id.split(':') as ['day' | 'month', string];
  return grain === 'day' ? (workDate) => workDate === start : (workDate) => workDate.startsWith(start);
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

/** `keys` with `added` appended, sharing its map of positions. */
function appended(keys: readonly string[], added: readonly string[]): string[] {
  // Another version already appended to this one (a batch folded again): start a map of its own.
  const shared = indexMapOf(keys);
  const index = shared.size === keys.length ? shared : new Map(keys.map((each, position) => [each, position]));
  const next = [...keys, ...added];
  added.forEach((key, offset) => index.set(key, keys.length + offset));
  indexes.set(next, index);
  return next;
}

/**
 * Appends to `ids` the buckets an event changes: its work date's day and month, and the previous
 * ones of a correction. The runner asks twice per event: each date's two ids are made once.
 */
export function pushTimeBucketIds(event: RecordedEvent, ids: string[]): string[] {
  const [day, month] = bucketIdsOfDate((event.data as TimeEntryFacts).workDate);
  ids.push(day, month);
  if (event.type !== 'TimeEntryCorrected') return ids;
  const [previousDay, previousMonth] = bucketIdsOfDate((event.data as TimeEntryCorrected['data']).previous.workDate);
  ids.push(previousDay, previousMonth);
  return ids;
}

// Bounded by the calendar (a decade is ~3,650 dates); emptied if junk dates ever fill it.
const idsOfDates = new Map<string, readonly [string, string]>();

function bucketIdsOfDate(workDate: string): readonly [string, string] {
  let ids = idsOfDates.get(workDate);
  if (!ids) {
    if (idsOfDates.size >= 100_000) idsOfDates.clear();
    idsOfDates.set(workDate, (ids = [dayBucketId(workDate), monthBucketId(workDate)]));
  }
  return ids;
}

export const isTimeBucketId = (id: string): boolean => id.startsWith('day:') || id.startsWith('month:');

/**
 * Time entries pre-summed by work date, so a KPI over any period reads a bounded number of
 * buckets: whole months of the period from month buckets, the days at either end from day buckets.
 * Folded by the time entries' own projection into its collection, beside the entries: the entries'
 * events are read once, not once more for the buckets.
 */
export const evolveTimeBucket = (document: TimeBucketDocument | null, recorded: RecordedEvent, id: string): TimeBucketDocument =>
  evolveTimeBucketBatch(document, [recorded], id);

/**
 * A bucket after many events at once (the runner's batch fold): their contributions are summed per
 * key first, then the bucket is copied once, with each chunk they change — a month bucket takes
 * hundreds of a batch's events, and copying it per event cost a rebuild ~45% more CPU.
 */
export function evolveTimeBucketBatch(document: TimeBucketDocument | null, events: readonly RecordedEvent[], id: string): TimeBucketDocument {
  const deltas = new KeyDeltas();
  const covered = coveredBy(id);
  const share: Share = (facts, workDate, hours, billable, sign) => {
    if (!covered(workDate)) return;
    const delta = deltas.of(facts, billable);
    const hundredths = hundredthsOf(hours);
    delta[0] += sign * hundredths;
    delta[1] += sign * hundredths * facts.costRateCents;
    delta[2] += sign * Math.round((hundredths * facts.costRateCents) / 100);
    delta[3] += sign;
  };
  for (const event of events) eachShare(event, share);
  return withDeltas(document ?? emptyBucket(id), deltas.byKey());
}

/**
 * A batch's sums per key, found through maps of the events' own id strings: a key string is made
 * once per key, not once per event and bucket (making and hashing them was most of the fold).
 */
class KeyDeltas {
  private readonly byProject = new Map<string, Map<string, Array<{ clientId: string; billable: boolean; sums: number[] }>>>();
  /** In the order the events brought them, as one event at a time appends them. */
  private readonly keys: Array<[() => string, number[]]> = [];

  of(facts: TimeEntryFacts, billable: boolean): number[] {
    let byConsultant = this.byProject.get(facts.projectId);
    if (!byConsultant) this.byProject.set(facts.projectId, (byConsultant = new Map()));
    let rows = byConsultant.get(facts.consultantId);
    if (!rows) byConsultant.set(facts.consultantId, (rows = []));
    for (const row of rows) if (row.clientId === facts.clientId && row.billable === billable) return row.sums;
    const sums = [0, 0, 0, 0];
    rows.push({ clientId: facts.clientId, billable, sums });
    this.keys.push([() => bucketKeyOf(facts, billable), sums]);
    return sums;
  }

  byKey(): Map<string, number[]> {
    const byKey = new Map<string, number[]>();
    for (const [key, sums] of this.keys) {
      const made = key();
      const same = byKey.get(made); // only if an id held a tab
      byKey.set(made, same ? same.map((value, measure) => value + sums[measure]!) : sums);
    }
    return byKey;
  }
}

function emptyBucket(id: string): TimeBucketDocument {
  const [grain, start] = id.split(':') as ['day' | 'month', string];
  return { _id: id, grain, start: grain === 'day' ? start : `${start}-01`, keys: [], sums: [] };
}

/**
 * The bucket with the sums of each key moved by its delta; keys it lacks go at the end, in the
 * order the events brought them (as one event at a time would put them), even if their delta is zero.
 */
function withDeltas(bucket: TimeBucketDocument, deltas: ReadonlyMap<string, readonly number[]>): TimeBucketDocument {
  const added: string[] = [];
  const positions = [...deltas.keys()].map((key) => {
    const index = indexOf(bucket.keys, key);
    return index >= 0 ? index : bucket.keys.length + added.push(key) - 1;
  });
  const keys = added.length === 0 ? bucket.keys : appended(bucket.keys, added);
  const chunks = bucket.sums.slice();
  const copied = new Set<number>();
  const chunkAt = (chunk: number): number[] => {
    if (copied.has(chunk)) return chunks[chunk]!;
    copied.add(chunk);
    return (chunks[chunk] = chunks[chunk]?.slice() ?? []);
  };
  for (let index = bucket.keys.length; index < keys.length; index++) chunkAt(Math.floor(index / chunkKeys)).push(0, 0, 0, 0);
  let next = 0;
  for (const delta of deltas.values()) {
    const index = positions[next++]!;
    const sums = chunkAt(Math.floor(index / chunkKeys));
    const at = (index % chunkKeys) * stride;
    for (let measure = 0; measure < stride; measure++) sums[at + measure] = sums[at + measure]! + delta[measure]!;
  }
  return { ...bucket, keys, sums: chunks };
}
