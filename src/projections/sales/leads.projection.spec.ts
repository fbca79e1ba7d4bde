import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { salesProjections } from './index';
import { captured, estimated, lost, moved, reopened } from './lead.facts';
import type { LeadDocument } from './leads.projection';

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
});
