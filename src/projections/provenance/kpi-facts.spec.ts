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
import { activeProjects, averageProjectDurationDays, billableHours, billableUtilisation, onTimeDeliveryRate, projectsCompleted } from '../delivery';
import { arpa, arr, cashFlow, costs, customerChurnRate, mrr, mrrMovements, paidWithin30DaysRate, profitMargin, receivables, revenue, revenuePerConsultantHour } from '../financial';
import { allProjections } from '../index';
import { manualWorkReduction, manualWorkSaved } from '../operations';
import { leadsBySource, salesCycleDays, winRate } from '../sales';
import type { KpiContext, KpiResult } from '../shared/kpi';
import { clientRetentionRate, csat, firstResponseTime, nps, resolutionTime, ticketVolume } from '../support';
import { combineFacts } from './fact-combination';
import { type FactKpi, factKpis, type KpiFact, kpiFacts } from './kpi-facts.queries';

const history = { seed: 5, consultants: 3, years: 1, startDate: '2025-01-06' };
const timeZone = 'Australia/Brisbane';

type Headline = (context: KpiContext, period: Period) => Promise<number | null>;
const headline =
  <V>(query: (context: KpiContext, period: Period) => Promise<KpiResult<V>>, plot: (value: V) => number | null): Headline =>
  async (context, period) =>
    plot((await query(context, period)).value);

/** Each KPI's value as its dashboard computes it: the number a series plots. */
const kpiValue: Record<FactKpi, Headline> = {
  ACTIVE_PROJECTS: headline(activeProjects, (v) => v.total),
  PROJECTS_COMPLETED: headline(projectsCompleted, (v) => v),
  AVERAGE_PROJECT_DURATION_DAYS: headline(averageProjectDurationDays, (v) => v.days),
  ON_TIME_DELIVERY_RATE: headline(onTimeDeliveryRate, (v) => v.rate),
  BILLABLE_HOURS: headline(billableHours, (v) => v.totalHours),
  REVENUE_ACCRUAL_CENTS: headline(revenue, (v) => v.accrual.totalCents),
  REVENUE_CASH_CENTS: headline(revenue, (v) => v.cash.totalCents),
  RECEIVABLES_CENTS: headline(receivables, (v) => v.totalCents),
  PAID_WITHIN_30_DAYS_RATE: headline(paidWithin30DaysRate, (v) => v.rate),
  TICKETS_OPENED: headline(ticketVolume, (v) => v.opened),
  FIRST_RESPONSE_MEDIAN_MINUTES: headline(firstResponseTime, (v) => v.medianMinutes),
  FIRST_RESPONSE_P90_MINUTES: headline(firstResponseTime, (v) => v.p90Minutes),
  RESOLUTION_MEDIAN_MINUTES: headline(resolutionTime, (v) => v.medianMinutes),
  RESOLUTION_P90_MINUTES: headline(resolutionTime, (v) => v.p90Minutes),
  CSAT: headline(csat, (v) => v.rate),
  NPS: headline(nps, (v) => v.score),
  LEADS_CAPTURED: headline(leadsBySource, (v) => v.captured),
  WIN_RATE: headline(winRate, (v) => v.rate),
  SALES_CYCLE_DAYS: headline(salesCycleDays, (v) => v.days),
  MANUAL_WORK_SAVED_MINUTES: headline(manualWorkSaved, (v) => v.minutes),
  BILLABLE_UTILISATION: headline(billableUtilisation, (v) => v.team.utilisation),
  MRR_CENTS: headline(mrr, (v) => v.mrrCents),
  ARR_CENTS: headline(arr, (v) => v.arrCents),
  NET_NEW_MRR_CENTS: headline(mrrMovements, (v) => v.netNewCents),
  ARPA_CENTS: headline(arpa, (v) => v.arpaCents),
  CUSTOMER_CHURN_RATE: headline(customerChurnRate, (v) => v.rate),
  CLIENT_RETENTION_RATE: headline(clientRetentionRate, (v) => v.rate),
  COSTS_CENTS: headline(costs, (v) => v.totalCents),
  PROFIT_MARGIN: headline(profitMargin, (v) => v.margin),
  REVENUE_PER_CONSULTANT_HOUR_CENTS: headline(revenuePerConsultantHour, (v) => v.centsPerHour),
  CASH_FLOW_NET_CENTS: headline(cashFlow, (v) => v.netCents),
  MANUAL_WORK_REDUCTION: headline(manualWorkReduction, (v) => v.rate),
};

/** A period of a day to 14 months, as dates or as instants a millisecond either side of a Brisbane midnight. */
function randomPeriod(random: SeededRandom): Period {
  const from = addDays(history.startDate, random.int(-10, 360));
  const to = addDays(from, random.pick([1, 7, 31, 45, 90, 365, 430]));
  return random.int(0, 1) === 0 ? { from, to } : { from: `${addDays(from, -1)}T13:59:59.999Z`, to: `${addDays(to, -1)}T14:00:00.001Z` };
}

describe('the facts behind every KPI that lists them, against the KPI (a generated year)', () => {
  let events: EventStore;
  let reads: ReadStore;
  let context: KpiContext;

  beforeAll(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    for await (const { stream, events: decided } of decideHistory(generateHistory(history))) await events.append(stream, decided);
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: allProjections, batchSize: 2_000 });
    await runner.start();
    expect(await runner.waitFor((await events.headPosition())!, 120_000)).toBe(true);
    await runner.stop();
    context = { reads, timeZone };
  }, 180_000);

  afterAll(async () => {
    await events?.close();
    await reads?.close();
  });

  /** Every page, `first` at a time, each resuming after the last key of the one before. */
  async function everyFact(kpi: FactKpi, period: Period, first: number) {
    const facts: KpiFact[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await kpiFacts(context, kpi, period, { first, after });
      facts.push(...page.facts.map((entry) => entry.fact));
      if (!page.hasNextPage) return { facts, combination: page.combination };
      expect(page.facts).toHaveLength(first);
      after = page.facts.at(-1)!.key;
    }
  }

  /** The facts of a KPI over a period, put together, against the KPI's value; each fact once, excluded ones contributing 0. */
  async function expectFactsMakeTheValue(kpi: FactKpi, period: Period, first: number): Promise<number> {
    const { facts, combination } = await everyFact(kpi, period, first);
    const [fromFacts, value] = [combineFacts(combination, facts), await kpiValue[kpi](context, period)];
    if (value === null || fromFacts === null) expect({ kpi, period, fromFacts }).toEqual({ kpi, period, fromFacts: value });
    else expect(fromFacts, `${kpi} over ${JSON.stringify(period)}`).toBeCloseTo(value, 6);
    expect(new Set(facts.map((fact) => `${fact.stream}/${fact.id}`)).size, `${kpi}: each fact once`).toBe(facts.length);
    for (const fact of facts.filter((candidate) => !candidate.counted)) expect(fact.contribution, `${kpi}: ${fact.rule}`).toBe(0);
    return facts.length;
  }

  it('lists the facts of every KPI over ten months, and they make its value (the history exercises each rule)', async () => {
    const year = { from: '2025-03-01', to: '2026-01-01' };
    const empty: string[] = [];
    for (const kpi of factKpis) if ((await expectFactsMakeTheValue(kpi, year, 500)) === 0) empty.push(kpi);
    expect(empty).toEqual([]);
  });

  it.each([1, 2])('puts the counted facts together into the KPI value over random periods (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    for (let round = 0; round < 3; round++) {
      const period = randomPeriod(random);
      for (const kpi of factKpis) await expectFactsMakeTheValue(kpi, period, random.pick([200, 1000]));
    }
  }, 120_000);
});
