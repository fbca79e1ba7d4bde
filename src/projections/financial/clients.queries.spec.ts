import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import type { KpiContext } from '../shared/kpi';
import { periodOf } from '../shared/kpi';
import { firstYearRetainerValueCents, tierOn } from './client-timeline';
import { clientsActiveAt, clientsOnboardedIn } from './clients.queries';
import { offboarded, onboarded, reactivated, retainerCancelled, retainerChanged, retainerStarted, tierChanged } from '../../testing/projections/financial.fixtures';
import { financialProjections } from './index';

const ids = (clients: readonly { clientId: string }[]) => clients.map((client) => client.clientId).sort();

describe('client reads shared with other areas', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]): Promise<KpiContext> => (scenario = await projectScenario(financialProjections, facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('lists clients active at an instant: facts at that instant belong to the period starting there', async () => {
    const context = await given([
      onboarded('c1', '2026-01-01T00:00:00.000Z'),
      onboarded('c2', '2026-03-31T14:00:00.000Z'), // exactly 1 April 00:00 in Brisbane
      onboarded('c3', '2026-01-01T00:00:00.000Z'),
      offboarded('c3', '2026-02-01T00:00:00.000Z'),
      reactivated('c3', '2026-03-01T00:00:00.000Z'),
      onboarded('c4', '2026-01-01T00:00:00.000Z'),
      offboarded('c4', '2026-03-31T14:00:00.000Z'),
    ]);
    const aprilStart = periodOf(context, { from: '2026-04-01', to: '2026-05-01' }).fromInstant;
    expect(ids(await clientsActiveAt(context, aprilStart))).toEqual(['c1', 'c3', 'c4']);
    expect(ids(await clientsActiveAt(context, '2026-02-15T00:00:00.000Z'))).toEqual(['c1', 'c4']);
  });

  it('lists clients onboarded in a Brisbane period', async () => {
    const context = await given([
      onboarded('c1', '2026-03-31T15:00:00.000Z', 'STARTER', 'camp'), // 1 April in Brisbane
      onboarded('c2', '2026-03-31T13:00:00.000Z', 'STARTER', 'camp'), // 31 March in Brisbane
      onboarded('c3', '2026-04-15T00:00:00.000Z'),
    ]);
    const april = periodOf(context, { from: '2026-04-01', to: '2026-05-01' });
    expect(ids(await clientsOnboardedIn(context, april))).toEqual(['c1', 'c3']);
  });

  it('values the first year of retainers from onboarding, time-weighted by monthly amount', async () => {
    const context = await given([
      onboarded('c1', '2026-01-01T00:00:00.000Z'),
      retainerStarted('c1', 'r1', '2026-01-01T00:00:00.000Z', 100_000),
      // 73 of 365 days at 100_000 then 292 days at 150_000: (73 × 100_000 + 292 × 150_000) / (365 / 12) = 1_680_000.
      retainerChanged('c1', 'r1', '2026-03-15T00:00:00.000Z', 100_000, 150_000),
      onboarded('c2', '2026-01-01T00:00:00.000Z'),
      // 73 days at 36_500: 73 × 36_500 / (365 / 12) = 87_600.
      retainerStarted('c2', 'r2', '2026-01-01T00:00:00.000Z', 36_500),
      retainerCancelled('c2', 'r2', '2026-03-15T00:00:00.000Z', 36_500),
    ]);
    const clients = await clientsActiveAt(context, '2026-06-01T00:00:00.000Z');
    const value = Object.fromEntries(clients.map((client) => [client.clientId, firstYearRetainerValueCents(client)]));
    expect(value).toEqual({ c1: 1_680_000, c2: 87_600 });
  });

  it('gives facts of a business day the tier the client ended that day with', async () => {
    const context = await given([
      onboarded('c1', '2026-01-01T00:00:00.000Z', 'STARTER'),
      tierChanged('c1', '2026-03-31T15:00:00.000Z', 'STARTER', 'ENTERPRISE'), // 1 April 01:00 in Brisbane
    ]);
    const [client] = await clientsActiveAt(context, '2026-05-01T00:00:00.000Z');
    expect([tierOn(client!, '2026-03-31', context.timeZone), tierOn(client!, '2026-04-01', context.timeZone)]).toEqual(['STARTER', 'ENTERPRISE']);
  });
});
