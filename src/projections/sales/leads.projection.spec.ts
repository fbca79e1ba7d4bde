import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { salesProjections } from './index';
import { backdated, captured, estimated, lost, moved, reopened, won } from '../../testing/projections/lead.facts';
import { leadsBySource } from './lead.queries';
import type { LeadDocument } from './leads.projection';
import { salesCycleDays } from './win.queries';

describe('leads projection', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('records each state a lead went through, so its state at any instant can be read back', async () => {
    scenario = await projectScenario(salesProjections, [
      captured('l1', '2026-04-01T10:00:00+10:00', 'referral', 'cA'),
      estimated('l1', '2026-04-02T00:00:00Z', 50_000),
      ...moved('l1', '2026-04-03T00:00:00Z', 'PROSPECT', 'PROPOSAL'),
      lost('l1', '2026-04-04T00:00:00Z', 'PROPOSAL'),
      reopened('l1', '2026-04-05T00:00:00Z', 'lost', 'PROPOSAL', 'QUALIFIED'),
    ]);
    const lead = (await scenario.reads.getMany<LeadDocument>('leads', ['l1'])).get('l1')!.document;
    expect(lead).toMatchObject({ source: 'referral', campaignId: 'cA', capturedAt: '2026-04-01T00:00:00.000Z', status: 'open', stage: 'QUALIFIED', valueCents: 50_000, lastClosedAt: '2026-04-04T00:00:00.000Z', wonAt: null });
    expect(lead.history.map(({ at, status, stage, valueCents }) => [at.slice(0, 10), status, stage, valueCents])).toEqual([
      ['2026-04-01', 'open', 'PROSPECT', null],
      ['2026-04-02', 'open', 'PROSPECT', 50_000],
      ['2026-04-03', 'open', 'QUALIFIED', 50_000],
      ['2026-04-03', 'open', 'PROPOSAL', 50_000],
      ['2026-04-04', 'lost', 'PROPOSAL', 50_000],
      ['2026-04-05', 'open', 'QUALIFIED', 50_000],
    ]);
  });

  it('keeps the earliest capture when an earlier capture is recorded later, for its capture-time KPIs too', async () => {
    // Captured at 00:30 on 1 April in Brisbane, won on 11 April; then the form submitted at 23:30 on 31 March arrives
    const [april, march] = [{ from: '2026-04-01', to: '2026-05-01' }, { from: '2026-03-01', to: '2026-04-01' }];
    scenario = await projectScenario(salesProjections, [
      captured('l1', '2026-03-31T14:30:00.000Z', 'website'),
      ...won('l1', '2026-04-11T00:00:00.000Z', { capturedAt: '2026-03-31T14:30:00.000Z', from: 'PROSPECT', valueCents: 100_000 }),
      backdated('l1', '2026-03-31T13:30:00.000Z'),
      backdated('l1', '2026-03-31T14:00:00.000Z'), // not earlier than what is recorded by now: changes nothing
    ]);
    const lead = (await scenario.reads.getMany<LeadDocument>('leads', ['l1'])).get('l1')!.document;
    expect(lead).toMatchObject({ capturedAt: '2026-03-31T13:30:00.000Z', status: 'won', wonAt: '2026-04-11T00:00:00.000Z' });
    expect(lead.history.map(({ at, status, stage }) => [at, status, stage])).toEqual([
      ['2026-03-31T13:30:00.000Z', 'open', 'PROSPECT'],
      ['2026-04-11T00:00:00.000Z', 'open', 'QUALIFIED'],
      ['2026-04-11T00:00:00.000Z', 'open', 'PROPOSAL'],
      ['2026-04-11T00:00:00.000Z', 'open', 'NEGOTIATION'],
      ['2026-04-11T00:00:00.000Z', 'won', 'NEGOTIATION'],
    ]);
    expect((await leadsBySource(scenario.context, march)).value.captured).toBe(1);
    expect((await leadsBySource(scenario.context, april)).value.captured).toBe(0);
    expect((await salesCycleDays(scenario.context, april)).value).toEqual({ days: 11, wonLeads: 1 });
  });
});
