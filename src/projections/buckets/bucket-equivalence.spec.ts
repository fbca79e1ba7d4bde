import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { addDays, type Period } from '../../core/business-time';
import type { EventStore } from '../../core/event-store.port';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { decideHistory } from '../../demo/decide-history';
import { generateHistory } from '../../demo/generate-history';
import { SeededRandom } from '../../demo/seeded-random';
import { allProjections } from '../index';
import { billableHours, billableUtilisation, budgetBurn } from '../delivery';
import { cashFlow, costs, profitMargin, projectMargin, revenue, revenuePerConsultantHour } from '../financial';
import { manualWorkReduction, manualWorkSaved, workflowRuns } from '../operations';
import { csat, firstResponseTime, nps, resolutionTime, ticketVolume } from '../support';
import type { KpiContext, KpiResult } from '../shared/kpi';

const history = { seed: 7, consultants: 3, years: 1, startDate: '2025-01-06' };
const timeZone = 'Australia/Brisbane';
const invoiceReversals = new Set(['InvoiceVoided', 'InvoiceDeleted', 'InvoiceRestored', 'PaymentDeleted', 'PaymentRefunded', 'InvoiceCredited']);

type Query = (context: KpiContext, period: Period) => Promise<KpiResult<unknown>>;
const bucketed: Record<string, Query> = { billableHours, billableUtilisation, budgetBurn, costs, profitMargin, projectMargin, revenuePerConsultantHour, revenue, cashFlow, workflowRuns, manualWorkSaved, manualWorkReduction, ticketVolume, firstResponseTime, resolutionTime, csat, nps };
/** KPIs whose sums also count the scan path's events (`eventCount`), not only its value. */
const sameEventCount = new Set(['ticketVolume', 'firstResponseTime', 'resolutionTime', 'csat', 'nps']);

/**
 * A period of 1 day to 14 months inside the history, as dates, or as instants a millisecond either
 * side of a Brisbane midnight (14:00 UTC), so a day at each end is only partly in it.
 */
function randomPeriod(random: SeededRandom): Period {
  const from = addDays(history.startDate, random.int(-10, 360));
  const to = addDays(from, random.pick([1, 2, 6, 7, 27, 31, 45, 90, 180, 365, 430]));
  const minute = () => String(random.int(0, 59)).padStart(2, '0');
  switch (random.int(0, 3)) {
    case 0:
      return { from, to };
    case 1:
      return { from: `${addDays(from, -1)}T13:59:59.999Z`, to: `${addDays(to, -1)}T14:00:00.001Z` };
    case 2:
      // Minutes past an hour: the sums of instants (workflow runs) read those minutes from the runs.
      return { from: `${from}T0${random.int(0, 9)}:${minute()}:17.250Z`, to: `${to}T1${random.int(0, 9)}:${minute()}:00.000Z` };
    default:
      return { from: `${addDays(from, -1)}T14:00:00.000+00:00`, to: `${to}T00:00:00+10:00` };
  }
}

describe('KPIs from period buckets, against the scan of every document (a generated year with corrections, deletions and retried workflow runs)', () => {
  let events: EventStore;
  let reads: ReadStore;
  let corrections = 0;
  let retriedRuns = 0;
  let reopenedTickets = 0;
  const reversals = new Map<string, number>();

  beforeAll(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    for await (const { stream, events: decided } of decideHistory(generateHistory(history))) {
      corrections += decided.filter((event) => event.type === 'TimeEntryCorrected' || event.type === 'TimeEntryDeleted').length;
      retriedRuns += decided.filter((event) => event.type === 'WorkflowRunRetried').length;
      reopenedTickets += decided.filter((event) => event.type === 'TicketReopened').length;
      for (const event of decided) if (invoiceReversals.has(event.type)) reversals.set(event.type, (reversals.get(event.type) ?? 0) + 1);
      await events.append(stream, decided);
    }
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: allProjections, batchSize: 2_000 });
    await runner.start();
    expect(await runner.waitFor((await events.headPosition())!, 120_000)).toBe(true);
    await runner.stop();
  }, 180_000);

  afterAll(async () => {
    await events?.close();
    await reads?.close();
  });

  it('has corrections and deletions to get right', () => {
    expect(corrections).toBeGreaterThan(10);
    expect(reopenedTickets).toBeGreaterThan(3);
    expect(retriedRuns).toBeGreaterThan(3);
    console.log('invoice reversals in the generated year', Object.fromEntries(reversals));
  });

  it.each([1, 2, 3, 4])('gives the scan path\'s values over 10 random periods (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    const buckets: KpiContext = { reads, timeZone };
    const scan: KpiContext = { reads, timeZone, path: 'scan' };
    for (let round = 0; round < 10; round++) {
      const period = randomPeriod(random);
      for (const [name, query] of Object.entries(bucketed)) {
        const [fromBuckets, fromScan] = await Promise.all([query(buckets, period), query(scan, period)]);
        expect({ kpi: name, period, value: fromBuckets.value }).toEqual({ kpi: name, period, value: fromScan.value });
        if (sameEventCount.has(name)) expect({ kpi: name, period, eventCount: fromBuckets.eventCount }).toEqual({ kpi: name, period, eventCount: fromScan.eventCount });
      }
    }
  }, 120_000);
});
