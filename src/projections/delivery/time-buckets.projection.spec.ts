import { afterEach, describe, expect, it } from 'vitest';
import { hoursLogged, timeEntryCorrected, timeEntryDeleted } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import type { TimeBucketDocument } from './time-buckets.projection';
import { timeEntriesProjection } from './time-entries.projection';
import { bucketIdsCovering } from './time-buckets.reads';

const entry = { entryId: 'e1', projectId: 'p1', consultantId: 'k1', workDate: '2026-03-31', hours: 6.5, costRateCents: 8_001 };

describe('time buckets, beside the time entries', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());
  const buckets = async () => Object.fromEntries((await scenario.reads.find<TimeBucketDocument>('time_entries', { filter: { grain: { $in: ['day', 'month'] } } })).documents.map((bucket) => [bucket._id, { keys: bucket.keys, sums: bucket.sums }]));

  it('sums an entry into its day and its month: hundredths, exact cost, cost rounded per entry, entries', async () => {
    scenario = await projectScenario([timeEntriesProjection], [hoursLogged('2026-03-31T07:00:00Z', entry), hoursLogged('2026-03-31T08:00:00Z', { ...entry, entryId: 'e2', hours: 0.01 })]);
    // 650 × 8001 = 5 200 650 → 52 006.5 → 52 007 cents; 1 × 8001 → 80.01 → 80 cents.
    const sums = [[651, 5_208_651, 52_007 + 80, 2]];
    expect(await buckets()).toEqual({ 'day:2026-03-31': { keys: ['p1\tk1\tclient-1\t1'], sums }, 'month:2026-03': { keys: ['p1\tk1\tclient-1\t1'], sums } });
  });

  it('moves a corrected entry out of its old day and month into the new ones, leaving its old key at zero', async () => {
    scenario = await projectScenario([timeEntriesProjection], [
      hoursLogged('2026-03-31T07:00:00Z', entry),
      timeEntryCorrected('2026-04-02T01:00:00Z', { ...entry, workDate: '2026-04-01', hours: 2, billable: false }, { workDate: '2026-03-31', hours: 6.5, billable: true }),
    ]);
    const moved = { keys: ['p1\tk1\tclient-1\t0'], sums: [[200, 1_600_200, 16_002, 1]] };
    const emptied = { keys: ['p1\tk1\tclient-1\t1'], sums: [[0, 0, 0, 0]] };
    expect(await buckets()).toEqual({ 'day:2026-03-31': emptied, 'month:2026-03': emptied, 'day:2026-04-01': moved, 'month:2026-04': moved });
  });

  it('takes a deleted entry out and keeps the others of its bucket', async () => {
    scenario = await projectScenario([timeEntriesProjection], [
      hoursLogged('2026-03-31T07:00:00Z', entry),
      hoursLogged('2026-03-31T08:00:00Z', { ...entry, entryId: 'e2', consultantId: 'k2', hours: 1 }),
      timeEntryDeleted('2026-04-01T01:00:00Z', entry),
    ]);
    const left = { keys: ['p1\tk1\tclient-1\t1', 'p1\tk2\tclient-1\t1'], sums: [[0, 0, 0, 0, 100, 800_100, 8_001, 1]] };
    expect(await buckets()).toEqual({ 'day:2026-03-31': left, 'month:2026-03': left });
  });

  it('gives the same buckets folded once per batch as one event at a time (new keys in the order events bring them, corrections, deletions)', async () => {
    const facts = [
      hoursLogged('2026-03-30T07:00:00Z', { ...entry, entryId: 'e0', consultantId: 'k9' }),
      ...Array.from({ length: 40 }, (_, index) => hoursLogged('2026-03-31T07:00:00Z', { ...entry, entryId: `e${index + 1}`, consultantId: `k${index % 35}`, hours: 0.25 * (index + 1), billable: index % 3 > 0 })),
      timeEntryCorrected('2026-04-02T01:00:00Z', { ...entry, entryId: 'e3', consultantId: 'k2', workDate: '2026-04-01', hours: 2 }, { workDate: '2026-03-31', hours: 0.75, billable: true }),
      timeEntryDeleted('2026-04-02T02:00:00Z', { ...entry, entryId: 'e0', consultantId: 'k9' }),
    ];
    scenario = await projectScenario([{ ...timeEntriesProjection, batchFold: undefined }], facts);
    const oneByOne = await buckets();
    await scenario.close();
    scenario = await projectScenario([timeEntriesProjection], facts);
    expect(await buckets()).toEqual(oneByOne);
    expect(oneByOne['month:2026-03']!.keys).toHaveLength(40); // more than a chunk of 32
  });

  it('keeps the sums of a bucket with many keys in chunks of 32 keys', async () => {
    scenario = await projectScenario(
      [timeEntriesProjection],
      Array.from({ length: 33 }, (_, index) => hoursLogged('2026-03-31T07:00:00Z', { ...entry, entryId: `e${index}`, consultantId: `k${index}`, hours: 1, costRateCents: 100 })),
    );
    const day = (await buckets())['day:2026-03-31']!;
    expect(day.keys).toHaveLength(33);
    expect(day.sums.map((chunk) => chunk.length)).toEqual([32 * 4, 4]);
    expect(day.sums[1]).toEqual([100, 10_000, 100, 1]);
  });
});

describe('buckets covering a period', () => {
  it('reads whole months from month buckets and the days either side from day buckets', () => {
    expect(bucketIdsCovering('2026-01-30', '2026-04-02')).toEqual(['day:2026-01-30', 'day:2026-01-31', 'month:2026-02', 'month:2026-03', 'day:2026-04-01']);
    expect(bucketIdsCovering('2026-03-01', '2026-03-03')).toEqual(['day:2026-03-01', 'day:2026-03-02']);
    expect(bucketIdsCovering('2016-07-01', '2026-07-01')).toHaveLength(120);
  });
});
