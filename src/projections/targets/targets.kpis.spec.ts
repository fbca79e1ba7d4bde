import { afterEach, describe, expect, it } from 'vitest';
import { addDays, workingDays } from '../../core/business-time';
import { consultantRegistered, hoursLogged } from '../../testing/delivery-facts';
import { fact, projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import { financialProjections } from '../financial';
import { issued, paid } from '../../testing/projections/financial.fixtures';
import { operationsProjections } from '../operations';
import { supportProjections } from '../support';
import { kpiTargets, targetStatus } from './kpi-targets.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };

const rating = (ratingId: string, at: string, score: number): ScenarioFact =>
  fact('Ticket-t1', at, { type: 'CsatRated', data: { ticketId: 't1', clientId: 'c1', ratingId, score, comment: null } });

/** 6 billable hours on every working day of April 2026. */
function aprilWorkingDays(): ScenarioFact[] {
  const facts: ScenarioFact[] = [];
  for (let date = '2026-04-01'; date < '2026-05-01'; date = addDays(date, 1)) {
    if (workingDays(date, addDays(date, 1)) === 1) facts.push(hoursLogged(`${date}T07:00:00Z`, { entryId: `e-${date}`, projectId: 'p1', consultantId: 'k1', workDate: date, hours: 6 }));
  }
  return facts;
}

describe('KPI targets', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  const given = async () => {
    scenario = await projectScenario(
      [...supportProjections, ...deliveryProjections, ...financialProjections, ...operationsProjections],
      [
        fact('Ticket-t1', '2026-03-01T00:00:00.000Z', { type: 'TicketOpened', data: { ticketId: 't1', clientId: 'c1', channel: 'email', priority: 'LOW', subject: 'Hi', openedAt: '2026-03-01T00:00:00.000Z' } }),
        ...[5, 5, 5, 4, 4, 4, 5, 5, 4, 2].map((score, index) => rating(`r${index}`, `2026-04-${10 + index}T00:00:00.000Z`, score)),
        consultantRegistered('2026-02-01T00:00:00Z', 'k1', 40),
        ...aprilWorkingDays(),
        issued('i1', 'c1', '2026-04-01', 100_000),
        ...paid('i1', 'pay1', '2026-04-20', 100_000, 0), // 19 days: on time
        issued('i2', 'c1', '2026-04-02', 100_000),
        ...paid('i2', 'pay2', '2026-05-15', 100_000, 0), // 43 days: late
      ],
    );
    return scenario.context;
  };

  it('rates each target KPI MET, AT_RISK within 5 points, MISSED below, or NO_DATA without a value', async () => {
    const context = await given();
    // csat 9 of 10 = 0.90 (target 0.90): MET, on the boundary.
    // Utilisation 22 days × 6 h = 132 ÷ (40 ÷ 5 × 22 = 176) = 0.75 (target 0.80): AT_RISK, on the boundary.
    // Paid within 30 days 1 of 2 = 0.5 (target 0.95): MISSED. No workflow runs nor manual admin: NO_DATA.
    const { value, eventCount, position } = await kpiTargets(context, april, { asOf: '2026-06-30' });
    expect(value).toEqual([
      { kpi: 'csat', value: 0.9, target: 0.9, status: 'MET' },
      { kpi: 'billableUtilisation', value: 0.75, target: 0.8, status: 'AT_RISK' },
      { kpi: 'paidWithin30DaysRate', value: 0.5, target: 0.95, status: 'MISSED' },
      { kpi: 'manualWorkReduction', value: null, target: 0.5, status: 'NO_DATA' },
    ]);
    // 10 ratings; consultant (1) and 22 entries; 2 invoices, both past their terms on asOf, so
    // counted from the invoice sums (one fact each).
    expect(eventCount).toBe(10 + 1 + 22 + 2);
    // Every read model has applied the whole log, including those that handled none of it.
    expect(position).not.toBeNull();
    expect(position).toBe(await scenario!.events.headPosition());
  });

  it('judges against configured targets', async () => {
    const context = await given();
    const { value } = await kpiTargets(context, april, { asOf: '2026-06-30', targets: { csat: 0.95, paidWithin30DaysRate: 0.5 } });
    expect(value.map(({ kpi, target, status }) => ({ kpi, target, status }))).toEqual([
      { kpi: 'csat', target: 0.95, status: 'AT_RISK' },
      { kpi: 'billableUtilisation', target: 0.8, status: 'AT_RISK' },
      { kpi: 'paidWithin30DaysRate', target: 0.5, status: 'MET' },
      { kpi: 'manualWorkReduction', target: 0.5, status: 'NO_DATA' },
    ]);
  });

  it.each([
    [0.91, 0.9, 'MET'],
    [0.85, 0.9, 'AT_RISK'],
    [0.8499, 0.9, 'MISSED'],
    [0.9, 0.95, 'AT_RISK'],
    [0.35, 0.4, 'AT_RISK'], // 0.4 − 0.05 is 0.35000000000000003 in binary
    [0, 0.5, 'MISSED'],
    [null, 0.5, 'NO_DATA'],
  ] as const)('classifies %s against a target of %s as %s', (value, target, status) => {
    expect(targetStatus(value, target)).toBe(status);
  });
});
