import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { salesProjections } from './index';
import { captured, estimated, lost, moved, reopened, won } from '../../testing/projections/lead.facts';
import { leadsBySource, stageConversion } from './lead.queries';
import { pipelineValue, pipelineVelocity } from './pipeline.queries';
import { salesCycleDays, winRate } from './win.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };
const march = { from: '2026-03-01', to: '2026-04-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

describe('sales KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: Array<ScenarioFact | ScenarioFact[]>) => (scenario = await projectScenario(salesProjections, facts.flat())).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('counts leads captured in the Brisbane month by source and by source × campaign', async () => {
    const context = await given([
      captured('l1', '2026-03-31T15:00:00.000Z', 'website', 'cA'), // 1 April 01:00 in Brisbane
      captured('l2', '2026-04-05T00:00:00.000Z', 'website'),
      captured('l3', '2026-04-06T00:00:00.000Z', 'referral'),
      captured('l4', '2026-04-07T00:00:00.000Z', 'website', 'cA'),
      captured('l5', '2026-03-31T13:00:00.000Z', 'linkedin'), // 31 March 23:00: March
    ]);
    expect((await leadsBySource(context, april)).value).toEqual({
      captured: 4,
      bySource: { website: 3, referral: 1 },
      bySourceAndCampaign: [
        { source: 'referral', campaignId: null, leads: 1 },
        { source: 'website', campaignId: null, leads: 1 },
        { source: 'website', campaignId: 'cA', leads: 2 },
      ],
    });
    expect((await leadsBySource(context, june)).value).toEqual({ captured: 0, bySource: {}, bySourceAndCampaign: [] });
  });

  it('converts the captured cohort stage by stage, counting skipped stages as reached and reopened passes once', async () => {
    const context = await given([
      captured('l1', '2026-04-01T00:00:00.000Z'),
      moved('l1', '2026-04-02T00:00:00.000Z', 'PROSPECT', 'PROPOSAL'),
      won('l1', '2026-05-10T00:00:00.000Z', { capturedAt: '2026-04-01T00:00:00.000Z', from: 'PROPOSAL', valueCents: 100_000 }), // won after April: still counts
      captured('l2', '2026-04-03T00:00:00.000Z'),
      moved('l2', '2026-04-04T00:00:00.000Z', 'PROSPECT', 'PROPOSAL'), // skips QUALIFIED: both recorded
      lost('l2', '2026-04-05T00:00:00.000Z', 'PROPOSAL'),
      captured('l3', '2026-04-06T00:00:00.000Z'),
      moved('l3', '2026-04-07T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      lost('l3', '2026-04-08T00:00:00.000Z', 'QUALIFIED'),
      reopened('l3', '2026-04-09T00:00:00.000Z', 'lost', 'QUALIFIED', 'PROSPECT'),
      moved('l3', '2026-04-10T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'), // QUALIFIED again: once
      captured('l4', '2026-04-11T00:00:00.000Z'),
      captured('l5', '2026-03-20T00:00:00.000Z'), // March cohort
      won('l5', '2026-04-12T00:00:00.000Z', { capturedAt: '2026-03-20T00:00:00.000Z', from: 'PROSPECT', valueCents: 100_000 }),
    ]);
    // Reached: PROSPECT 4, QUALIFIED 3 (l1 l2 l3), PROPOSAL 2 (l1 l2), NEGOTIATION 1, WON 1.
    expect((await stageConversion(context, april)).value).toEqual({
      captured: 4,
      stages: [
        { stage: 'PROSPECT', reached: 4, nextStep: 3 / 4, cumulative: 1 },
        { stage: 'QUALIFIED', reached: 3, nextStep: 2 / 3, cumulative: 3 / 4 },
        { stage: 'PROPOSAL', reached: 2, nextStep: 1 / 2, cumulative: 2 / 4 },
        { stage: 'NEGOTIATION', reached: 1, nextStep: 1, cumulative: 1 / 4 },
        { stage: 'WON', reached: 1, nextStep: null, cumulative: 1 / 4 },
      ],
    });
    const empty = (await stageConversion(context, june)).value;
    expect(empty.captured).toBe(0);
    expect(empty.stages.every((row) => row.reached === 0 && row.nextStep === null && row.cumulative === null)).toBe(true);
  });

  describe('closing leads', () => {
    const closings = [
      captured('a', '2026-03-25T00:00:00.000Z'),
      lost('a', '2026-04-03T00:00:00.000Z', 'PROSPECT'),
      captured('b', '2026-03-01T00:00:00.000Z'), // 1 March in Brisbane
      moved('b', '2026-03-10T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      won('b', '2026-04-10T00:00:00.000Z', { capturedAt: '2026-03-01T00:00:00.000Z', from: 'QUALIFIED', valueCents: 3_000_000 }), // 40 days
      captured('c', '2026-04-01T00:00:00.000Z'),
      lost('c', '2026-04-02T00:00:00.000Z', 'PROSPECT'),
      reopened('c', '2026-04-04T00:00:00.000Z', 'lost', 'PROSPECT', 'PROSPECT'),
      won('c', '2026-04-20T00:00:00.000Z', { capturedAt: '2026-04-01T00:00:00.000Z', from: 'PROSPECT', valueCents: 1_500_000 }), // 19 days
      captured('d', '2026-03-02T00:00:00.000Z'),
      moved('d', '2026-03-03T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      lost('d', '2026-03-31T13:00:00.000Z', 'QUALIFIED'), // 31 March 23:00: March
      reopened('d', '2026-04-01T00:00:00.000Z', 'lost', 'QUALIFIED', 'QUALIFIED'),
      lost('d', '2026-04-30T14:00:00.000Z', 'QUALIFIED'), // 1 May 00:00: open at April's end
      captured('e', '2026-03-31T13:30:00.000Z'), // 31 March 23:30 in Brisbane
      won('e', '2026-03-31T14:30:00.000Z', { capturedAt: '2026-03-31T13:30:00.000Z', from: 'PROSPECT', valueCents: 1_500_000 }), // 1 April 00:30: 1 day
      captured('f', '2026-04-14T00:00:00.000Z'),
      won('f', '2026-04-15T00:00:00.000Z', { capturedAt: '2026-04-14T00:00:00.000Z', from: 'PROSPECT', valueCents: 9_999_900, currency: 'USD' }), // 1 day
      captured('q1', '2026-04-05T00:00:00.000Z'),
      moved('q1', '2026-04-06T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      captured('q2', '2026-04-05T00:00:00.000Z'),
      moved('q2', '2026-04-06T00:00:00.000Z', 'PROSPECT', 'PROPOSAL'),
      captured('q3', '2026-04-05T00:00:00.000Z'), // PROSPECT: not qualified
    ];

    it('rates wins over leads closed in the period, once per lead with its last outcome', async () => {
      const context = await given(closings);
      // April: won b, c (lost then won), e (1 April in Brisbane), f; lost a. d closed in March and May.
      expect((await winRate(context, april)).value).toEqual({ rate: 4 / 5, won: 4, lost: 1 });
      expect((await winRate(context, march)).value).toEqual({ rate: 0, won: 0, lost: 1 });
      expect((await winRate(context, june)).value).toEqual({ rate: null, won: 0, lost: 0 });
    });

    it('averages calendar days in Brisbane from capture to win over leads won in the period', async () => {
      const context = await given(closings);
      // b 40, c 19, e 1 (23:30 → 00:30 the next Brisbane day), f 1: 61 ÷ 4 = 15.25.
      expect((await salesCycleDays(context, april)).value).toEqual({ days: 15.25, wonLeads: 4 });
      expect((await salesCycleDays(context, june)).value).toEqual({ days: null, wonLeads: 0 });
    });

    it('multiplies open qualified leads, average won value, win rate and divides by the sales cycle', async () => {
      const context = await given(closings);
      // Open at QUALIFIED or later on 1 May 00:00: q1, q2, d. Average AUD win (b, c, e): 2 000 000.
      // 3 × 2 000 000 × 0.8 ÷ 15.25 = 314 754.1 → 314 754 cents per day.
      expect((await pipelineVelocity(context, april)).value).toEqual({
        currency: 'AUD',
        centsPerDay: 314_754,
        openQualifiedLeads: 3,
        averageWonValueCents: 2_000_000,
        winRate: 0.8,
        salesCycleDays: 15.25,
      });
      // March: nothing won, so no average deal value.
      expect((await pipelineVelocity(context, march)).value.centsPerDay).toBeNull();
    });
  });

  it('values the pipeline open at period end, weighted by each stage’s win rate over the past year', async () => {
    const context = await given([
      captured('o1', '2026-04-01T00:00:00.000Z'),
      moved('o1', '2026-04-01T01:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      estimated('o1', '2026-04-01T02:00:00.000Z', 1_000_000),
      captured('o2', '2026-04-02T00:00:00.000Z'),
      moved('o2', '2026-04-02T01:00:00.000Z', 'PROSPECT', 'PROPOSAL'),
      estimated('o2', '2026-04-02T02:00:00.000Z', 2_000_000),
      won('o2', '2026-05-05T00:00:00.000Z', { capturedAt: '2026-04-02T00:00:00.000Z', from: 'PROPOSAL', valueCents: 2_500_000 }), // after April
      captured('o3', '2026-03-01T00:00:00.000Z'), // no estimate
      captured('o4', '2026-04-03T00:00:00.000Z'),
      moved('o4', '2026-04-03T01:00:00.000Z', 'PROSPECT', 'NEGOTIATION'),
      estimated('o4', '2026-04-03T02:00:00.000Z', 500_000, 'USD'),
      captured('o5', '2026-04-04T00:00:00.000Z'),
      lost('o5', '2026-04-10T00:00:00.000Z', 'PROSPECT'),
      reopened('o5', '2026-05-02T00:00:00.000Z', 'lost', 'PROSPECT', 'PROSPECT'), // lost at April's end
      captured('o6', '2026-04-05T00:00:00.000Z'),
      estimated('o6', '2026-04-05T01:00:00.000Z', 300_000),
      estimated('o6', '2026-05-03T00:00:00.000Z', 900_000), // after April
      captured('o7', '2026-04-30T14:30:00.000Z'), // 1 May in Brisbane
      captured('h1', '2026-01-05T00:00:00.000Z'),
      won('h1', '2026-02-01T00:00:00.000Z', { capturedAt: '2026-01-05T00:00:00.000Z', from: 'PROSPECT', valueCents: 100 }),
      captured('h2', '2026-01-06T00:00:00.000Z'),
      moved('h2', '2026-01-07T00:00:00.000Z', 'PROSPECT', 'QUALIFIED'),
      lost('h2', '2026-02-02T00:00:00.000Z', 'QUALIFIED'),
      captured('h3', '2026-01-07T00:00:00.000Z'),
      lost('h3', '2026-02-03T00:00:00.000Z', 'PROSPECT'),
      captured('h4', '2024-01-01T00:00:00.000Z'),
      won('h4', '2024-02-01T00:00:00.000Z', { capturedAt: '2024-01-01T00:00:00.000Z', from: 'PROSPECT', valueCents: 100 }), // outside the year
    ]);
    // Closed in the year before 1 May: h1 (won, every stage), h2 (lost at QUALIFIED), h3 and o5 (lost at PROSPECT).
    // Rates: PROSPECT 1/4, QUALIFIED 1/2, PROPOSAL 1/1, NEGOTIATION 1/1.
    // Open: o1 QUALIFIED 1 000 000, o2 PROPOSAL 2 000 000, o3 PROSPECT unvalued, o4 NEGOTIATION in USD, o6 PROSPECT 300 000.
    // Weighted: 1 000 000 × 0.5 + 2 000 000 × 1 + 300 000 × 0.25 = 2 575 000.
    expect((await pipelineValue(context, april)).value).toEqual({
      currency: 'AUD',
      openLeads: 5,
      unvaluedLeads: 1,
      otherCurrencyLeads: 1,
      valueCents: 3_300_000,
      weightedValueCents: 2_575_000,
      byStage: [
        { stage: 'PROSPECT', leads: 2, valueCents: 300_000, winRate: 0.25, weightedValueCents: 75_000 },
        { stage: 'QUALIFIED', leads: 1, valueCents: 1_000_000, winRate: 0.5, weightedValueCents: 500_000 },
        { stage: 'PROPOSAL', leads: 1, valueCents: 2_000_000, winRate: 1, weightedValueCents: 2_000_000 },
        { stage: 'NEGOTIATION', leads: 1, valueCents: 0, winRate: 1, weightedValueCents: 0 },
      ],
    });
  });

  it('has no weighted pipeline value without closed leads to learn win rates from', async () => {
    const context = await given([captured('o1', '2026-04-01T00:00:00.000Z'), estimated('o1', '2026-04-01T01:00:00.000Z', 1_000)]);
    const { value } = await pipelineValue(context, april);
    expect(value).toMatchObject({ openLeads: 1, valueCents: 1_000, weightedValueCents: null });
    expect(value.byStage.map((row) => row.winRate)).toEqual([null, null, null, null]);
    expect((await pipelineValue(context, march)).value).toMatchObject({ openLeads: 0, valueCents: 0, weightedValueCents: null });
  });
});
