import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { addDays, type Period } from '../../core/business-time';
import type { EventStore } from '../../core/event-store.port';
import { randomId } from '../../core/ids';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { SeededRandom } from '../../demo/seeded-random';
import type { ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import type { KpiContext, KpiResult } from '../shared/kpi';
import { cashFlow, profitMargin } from './costs.queries';
import { credited, invoiceDeleted, invoiceRestored, issued, onboarded, paid, paymentDeleted, refunded, tierChanged, voided } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';
import { projectMargin } from './project-margin.queries';
import { paidWithin30DaysRate } from './receivables.queries';
import { revenue, revenuePerConsultantHour } from './revenue.queries';

const timeZone = 'Australia/Brisbane';
type Query = (context: KpiContext, period: Period) => Promise<KpiResult<unknown>>;
const summed: Record<string, Query> = { revenue, cashFlow, profitMargin, revenuePerConsultantHour, projectMargin };

/** Clients whose tier changes mid-month and a second either side of Brisbane midnights. */
const clients: ScenarioFact[] = [
  onboarded('c0', '2026-01-01T00:00:00.000Z', 'STARTER'),
  onboarded('c1', '2026-01-01T00:00:00.000Z', 'STARTER'),
  onboarded('c2', '2026-01-01T00:00:00.000Z', 'PROFESSIONAL'),
  tierChanged('c1', '2026-04-15T03:00:00.000Z', 'STARTER', 'ENTERPRISE'),
  tierChanged('c2', '2026-04-30T13:59:59.999Z', 'PROFESSIONAL', 'STARTER'),
  tierChanged('c2', '2026-05-31T14:00:00.000Z', 'STARTER', 'ENTERPRISE'),
];

const currencies = [{}, {}, {}, { currency: 'USD', exchangeRate: 0.65 }, { currency: 'NZD' }] as const;

/** An invoice and what became of it: payments (in another currency at their own rate), refunds, credits, deletions, voids. */
function invoiceHistory(random: SeededRandom, index: number): ScenarioFact[] {
  const id = `i${index}`;
  const issuedOn = addDays('2026-03-01', random.int(0, 120));
  const money = random.pick([...currencies]);
  const amount = random.int(1, 500) * 100;
  // Projects p0–p2 have no project document here, so a project's client comes from its invoices (p2 spans two clients).
  const project = random.pick([null, 'p0', 'p1', 'p2']);
  const clientId = project === 'p2' ? random.pick(['c1', 'c2']) : random.pick(['c0', 'c1', 'c2', 'cx']);
  const facts: ScenarioFact[] = [issued(id, clientId, issuedOn, amount, { ...money, projectId: project })];
  const later = (days: number) => addDays(issuedOn, random.int(0, days));
  const at = (date: string) => `${date}T02:00:00.000Z`;
  const payments: string[] = [];
  for (let payment = 0; payment < random.int(0, 2); payment++) {
    const paymentId = `${id}p${payment}`;
    payments.push(paymentId);
    const rate = 'exchangeRate' in money && random.chance(0.5) ? { exchangeRate: 0.7 } : {};
    facts.push(...paid(id, paymentId, later(60), random.int(1, amount / 100) * 100, random.pick([0, 100]), { ...('currency' in money ? { currency: money.currency } : {}), ...rate }));
  }
  for (const paymentId of payments) {
    if (random.chance(0.2)) facts.push(refunded(id, paymentId, later(90), 50, 50));
    else if (random.chance(0.15)) facts.push(paymentDeleted(id, paymentId, at(later(90)), 100, 100));
  }
  if (random.chance(0.15)) facts.push(...credited(id, `${id}cn`, later(30), 100, 100));
  if (random.chance(0.1)) facts.push(voided(id, at(later(40))));
  if (random.chance(0.15)) {
    facts.push(invoiceDeleted(id, at(later(40))));
    if (random.chance(0.5)) facts.push(invoiceRestored(id, at(later(80))));
  }
  return facts;
}

function randomPeriod(random: SeededRandom): Period {
  const from = addDays('2026-02-20', random.int(0, 150));
  const to = addDays(from, random.pick([1, 2, 7, 13, 30, 31, 45, 61, 92, 150]));
  return random.chance(0.5) ? { from, to } : { from: `${addDays(from, -1)}T13:59:59.999Z`, to: `${addDays(to, -1)}T14:00:00.001Z` };
}

describe('revenue, cash, project margins and payment terms from the invoice sums, against the scan of every invoice (generated invoices with every kind of reversal)', () => {
  let events: EventStore;
  let reads: ReadStore;

  beforeAll(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    const random = new SeededRandom(17);
    const facts = [...clients, ...Array.from({ length: 120 }, (_, index) => invoiceHistory(random, index)).flat()];
    for (const { stream, event, occurredAt } of facts) {
      await events.append(stream, [{ id: randomId(), type: event.type, data: event.data, metadata: { occurredAt, correlationId: randomId(), causationId: null, actor: 'scenario' } }]);
    }
    // Small batches: an invoice's events fall into several, so its sums move batch after batch.
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [...financialProjections, ...deliveryProjections], batchSize: 7 });
    await runner.start();
    expect(await runner.waitFor((await events.headPosition())!, 60_000)).toBe(true);
    await runner.stop();
    expect(runner.status().filter((status) => status.failure)).toEqual([]);
  }, 90_000);

  afterAll(async () => {
    await events?.close();
    await reads?.close();
  });

  it.each([1, 2, 3])('gives the scan path\'s values over 15 random periods (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    for (let round = 0; round < 15; round++) {
      const period = randomPeriod(random);
      for (const [name, query] of Object.entries(summed)) {
        const [fromSums, fromScan] = await Promise.all([query({ reads, timeZone }, period), query({ reads, timeZone, path: 'scan' }, period)]);
        expect({ kpi: name, period, value: fromSums.value }).toEqual({ kpi: name, period, value: fromScan.value });
      }
    }
  });

  it.each([4, 5, 6])('judges payment terms as the scan path does, as of any day around the period (seed %i)', async (seed) => {
    const random = new SeededRandom(seed);
    for (let round = 0; round < 20; round++) {
      const period = randomPeriod(random);
      const asOf = addDays(period.from.slice(0, 10), random.int(-10, 200));
      const [fromSums, fromScan] = await Promise.all([paidWithin30DaysRate({ reads, timeZone }, period, { asOf }), paidWithin30DaysRate({ reads, timeZone, path: 'scan' }, period, { asOf })]);
      expect({ period, asOf, value: fromSums.value }).toEqual({ period, asOf, value: fromScan.value });
    }
  });

  it('has revenue in another currency, unconverted amounts and every tier to get right', async () => {
    const { value } = await revenue({ reads, timeZone }, { from: '2026-03-01', to: '2026-08-01' });
    expect(Object.keys(value.accrual.byCurrency).sort()).toEqual(['AUD', 'NZD', 'USD']);
    expect(Object.keys(value.cash.byTier).sort()).toEqual(['ENTERPRISE', 'PROFESSIONAL', 'STARTER', 'UNKNOWN']);
  });
});
