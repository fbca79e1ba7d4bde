import { afterEach, describe, expect, it } from 'vitest';
import { fact, projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { financialProjections } from '../financial';
import { expenseRecorded, issued, offboarded, onboarded, reactivated, retainerStarted, voided } from '../../testing/projections/financial.fixtures';
import { salesProjections } from './index';
import { captured, won } from '../../testing/projections/lead.facts';
import { cac, marketingRoi } from './marketing.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };
const may = { from: '2026-05-01', to: '2026-06-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

const launched = (campaignId: string, at: string): ScenarioFact =>
  fact(`Campaign-${campaignId}`, at, { type: 'CampaignLaunched', data: { campaignId, name: `Campaign ${campaignId}`, channel: 'linkedin', launchedAt: at } });
const cost = (campaignId: string, costId: string, incurredOn: string, amountCents: number, currency = 'AUD'): ScenarioFact =>
  fact(`Campaign-${campaignId}`, `${incurredOn}T12:00:00.000+10:00`, { type: 'CampaignCostRecorded', data: { campaignId, costId, amountCents, currency, incurredOn } });
const ended = (campaignId: string, at: string): ScenarioFact => fact(`Campaign-${campaignId}`, at, { type: 'CampaignEnded', data: { campaignId, endedAt: at } });

describe('marketing KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: Array<ScenarioFact | ScenarioFact[]>) => (scenario = await projectScenario([...salesProjections, ...financialProjections], facts.flat())).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('divides campaign costs and marketing expenses incurred in the period by clients onboarded in it', async () => {
    const context = await given([
      launched('cA', '2026-03-01T00:00:00.000Z'),
      cost('cA', 'k1', '2026-04-01', 100_000),
      cost('cA', 'k2', '2026-03-31', 50_000), // March
      cost('cA', 'k3', '2026-04-30', 30_000),
      launched('cB', '2026-04-01T00:00:00.000Z'),
      cost('cB', 'k4', '2026-04-10', 999, 'USD'), // another currency
      expenseRecorded('e1', 'marketing', '2026-04-15', 70_000),
      expenseRecorded('e2', 'tools', '2026-04-15', 500_000), // not marketing
      expenseRecorded('e3', 'marketing', '2026-05-01', 10_000), // May
      onboarded('n0', '2026-03-31T13:00:00.000Z'), // 31 March 23:00 in Brisbane
      onboarded('n1', '2026-04-02T00:00:00.000Z'),
      onboarded('n2', '2026-03-31T15:00:00.000Z'), // 1 April 01:00
      onboarded('n3', '2026-04-20T00:00:00.000Z'),
      onboarded('r1', '2026-01-05T00:00:00.000Z'),
      offboarded('r1', '2026-02-05T00:00:00.000Z'),
      reactivated('r1', '2026-04-08T00:00:00.000Z'), // back, not new
    ]);
    // Spend 100 000 + 30 000 + 70 000 = 200 000 over 3 new clients = 66 666.67 → 66 667.
    expect((await cac(context, april)).value).toEqual({
      currency: 'AUD',
      cacCents: 66_667,
      spendCents: 200_000,
      campaignCostCents: 130_000,
      marketingExpenseCents: 70_000,
      newClients: 3,
    });
    expect((await cac(context, may)).value).toMatchObject({ cacCents: null, spendCents: 10_000, newClients: 0 });
    expect((await cac(context, june)).value).toMatchObject({ cacCents: null, spendCents: 0, newClients: 0 });
  });

  it('returns each running campaign’s first-year value of the clients it won against its cost', async () => {
    const context = await given([
      launched('cA', '2026-03-01T00:00:00.000Z'),
      cost('cA', 'k1', '2026-04-01', 100_000),
      cost('cA', 'k2', '2026-03-20', 50_000),
      expenseRecorded('e1', 'marketing', '2026-04-03', 50_000, { campaignId: 'cA' }),
      expenseRecorded('e2', 'tools', '2026-04-03', 9_000, { campaignId: 'cA' }), // not marketing
      launched('cB', '2026-04-01T00:00:00.000Z'),
      cost('cB', 'k3', '2026-04-10', 999, 'USD'),
      launched('cC', '2026-01-01T00:00:00.000Z'),
      ended('cC', '2026-03-15T00:00:00.000Z'), // over before April
      launched('cD', '2026-04-30T14:00:00.000Z'), // 1 May in Brisbane
      onboarded('w1', '2026-04-02T00:00:00.000Z', 'PROFESSIONAL', 'cA'),
      retainerStarted('w1', 'ret1', '2026-04-02T00:00:00.000Z', 100_000), // a year of 100 000 a month: 1 200 000
      issued('i1', 'w1', '2026-04-10', 300_000),
      issued('i2', 'w1', '2026-04-11', 100_000),
      voided('i2', '2026-04-12T00:00:00.000Z'),
      issued('i3', 'w1', '2026-04-12', 100_000, { kind: 'RECURRING' }),
      issued('i4', 'w1', '2027-04-05', 50_000), // after the first year
      onboarded('w2', '2026-04-05T00:00:00.000Z', 'STARTER', 'cA'),
      issued('i5', 'w2', '2026-05-01', 100_000), // after April, within its first year
      onboarded('x1', '2026-02-01T00:00:00.000Z', 'STARTER', 'cC'),
    ]);
    // cA: cost 100 000 + 50 000 + 50 000 = 200 000; value 1 200 000 + 300 000 + 100 000 = 1 600 000;
    // ROI (1 600 000 − 200 000) ÷ 200 000 = 7. cB has no AUD cost: null.
    expect((await marketingRoi(context, april)).value).toEqual([
      { campaignId: 'cA', name: 'Campaign cA', costCents: 200_000, clientsWon: 2, firstYearRetainerCents: 1_200_000, oneOffInvoicedCents: 400_000, roi: 7 },
      { campaignId: 'cB', name: 'Campaign cB', costCents: 0, clientsWon: 0, firstYearRetainerCents: 0, oneOffInvoicedCents: 0, roi: null },
    ]);
    expect((await marketingRoi(context, { from: '2025-01-01', to: '2025-02-01' })).value).toEqual([]);
  });

  it('credits a client to the campaign its lead came from, whether or not its onboarding names one', async () => {
    const context = await given([
      launched('cA', '2026-03-01T00:00:00.000Z'),
      cost('cA', 'k1', '2026-04-01', 100_000),
      launched('cB', '2026-03-01T00:00:00.000Z'),
      cost('cB', 'k2', '2026-04-02', 100_000),
      // y1 won from a cA lead; its onboarding names no campaign.
      captured('L1', '2026-03-05T00:00:00.000Z', 'website', 'cA'),
      won('L1', '2026-04-03T00:00:00.000Z', { capturedAt: '2026-03-05T00:00:00.000Z', from: 'PROSPECT', valueCents: 600_000, campaignId: 'cA', clientId: 'y1' }),
      onboarded('y1', '2026-04-04T00:00:00.000Z', 'PROFESSIONAL'),
      retainerStarted('y1', 'r1', '2026-04-04T00:00:00.000Z', 50_000),
      // y2's onboarding says cA, but it was won from a cB lead: the lead's campaign wins.
      captured('L2', '2026-03-06T00:00:00.000Z', 'website', 'cB'),
      onboarded('y2', '2026-04-05T00:00:00.000Z', 'STARTER', 'cA', 'L2'),
      retainerStarted('y2', 'r2', '2026-04-05T00:00:00.000Z', 10_000),
      // y3: no lead, the onboarding's campaign counts.
      onboarded('y3', '2026-04-06T00:00:00.000Z', 'STARTER', 'cA'),
      issued('i1', 'y3', '2026-04-07', 30_000),
    ]);
    // cA: y1 (12 × 50 000) and y3 (30 000 one-off) against 100 000: (630 000 − 100 000) ÷ 100 000 = 5.3.
    // cB: y2 (12 × 10 000) against 100 000: (120 000 − 100 000) ÷ 100 000 = 0.2.
    expect((await marketingRoi(context, april)).value).toEqual([
      { campaignId: 'cA', name: 'Campaign cA', costCents: 100_000, clientsWon: 2, firstYearRetainerCents: 600_000, oneOffInvoicedCents: 30_000, roi: 5.3 },
      { campaignId: 'cB', name: 'Campaign cB', costCents: 100_000, clientsWon: 1, firstYearRetainerCents: 120_000, oneOffInvoicedCents: 0, roi: 0.2 },
    ]);
  });
});
