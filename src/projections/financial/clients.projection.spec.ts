import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { clientsCollection, clientsProjection, type ClientDocument } from './clients.projection';
import { offboarded, onboarded, reactivated, retainerCancelled, retainerChanged, retainerStarted, tierChanged } from '../../testing/projections/financial.fixtures';

describe('clients read model', () => {
  let scenario: ProjectedScenario | null = null;
  const clientAfter = async (facts: ScenarioFact[], clientId = 'c1') => {
    scenario = await projectScenario([clientsProjection], facts);
    const found = await scenario.reads.getMany<ClientDocument>(clientsCollection, [clientId]);
    return found.get(clientId)?.document ?? null;
  };
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('records onboarding, tier history and attribution with UTC instants', async () => {
    const client = await clientAfter([
      onboarded('c1', '2026-01-05T09:00:00+10:00', 'STARTER', 'camp-1'),
      tierChanged('c1', '2026-02-01T00:00:00.000Z', 'STARTER', 'ENTERPRISE'),
    ]);
    expect(client).toMatchObject({
      clientId: 'c1',
      tier: 'ENTERPRISE',
      tierHistory: [
        { at: '2026-01-04T23:00:00.000Z', tier: 'STARTER' },
        { at: '2026-02-01T00:00:00.000Z', tier: 'ENTERPRISE' },
      ],
      sourceCampaignId: 'camp-1',
      onboardedAt: '2026-01-04T23:00:00.000Z',
      active: true,
      _events: 2,
    });
  });

  it('closes the active interval on offboarding and opens a new one on reactivation', async () => {
    const client = await clientAfter([
      onboarded('c1', '2026-01-01T00:00:00.000Z'),
      offboarded('c1', '2026-03-01T00:00:00.000Z'),
      reactivated('c1', '2026-05-01T00:00:00.000Z'),
    ]);
    expect(client?.activeIntervals).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
      { from: '2026-05-01T00:00:00.000Z', to: null },
    ]);
    expect(client?.active).toBe(true);
    expect(client?.offboardedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('keeps each retainer monthly amount history and its cancellation', async () => {
    const client = await clientAfter([
      onboarded('c1', '2026-01-01T00:00:00.000Z'),
      retainerStarted('c1', 'r1', '2026-01-02T00:00:00.000Z', 100_000),
      retainerChanged('c1', 'r1', '2026-02-02T00:00:00.000Z', 100_000, 150_000),
      retainerStarted('c1', 'r2', '2026-02-10T00:00:00.000Z', 50_000, 'ANNUAL'),
      retainerCancelled('c1', 'r1', '2026-03-02T00:00:00.000Z', 150_000),
    ]);
    expect(client?.firstRetainerAt).toBe('2026-01-02T00:00:00.000Z');
    expect(client?.retainers).toEqual([
      {
        retainerId: 'r1',
        billingPeriod: 'MONTHLY',
        amountCents: 150_000,
        amounts: [
          { at: '2026-01-02T00:00:00.000Z', monthlyAmountCents: 100_000 },
          { at: '2026-02-02T00:00:00.000Z', monthlyAmountCents: 150_000 },
        ],
        startedAt: '2026-01-02T00:00:00.000Z',
        cancelledAt: '2026-03-02T00:00:00.000Z',
      },
      {
        retainerId: 'r2',
        billingPeriod: 'ANNUAL',
        amountCents: 600_000,
        amounts: [{ at: '2026-02-10T00:00:00.000Z', monthlyAmountCents: 50_000 }],
        startedAt: '2026-02-10T00:00:00.000Z',
        cancelledAt: null,
      },
    ]);
  });

  it('ignores facts about a client that was never onboarded', async () => {
    expect(await clientAfter([retainerStarted('c9', 'r1', '2026-01-02T00:00:00.000Z', 100)], 'c9')).toBeNull();
  });
});
