import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { financialProjections } from '../financial';
import { offboarded, onboarded, reactivated } from '../../testing/projections/financial.fixtures';
import { clientRetentionRate } from './retention.queries';

describe('client retention', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('keeps clients active at the start and at the end of the Brisbane month, reactivated ones included', async () => {
    scenario = await projectScenario(financialProjections, [
      onboarded('c1', '2026-01-10T00:00:00.000Z'), // retained
      onboarded('c2', '2026-02-01T00:00:00.000Z'),
      offboarded('c2', '2026-04-15T00:00:00.000Z'), // lost
      onboarded('c3', '2026-02-01T00:00:00.000Z'),
      offboarded('c3', '2026-04-05T00:00:00.000Z'),
      reactivated('c3', '2026-04-20T00:00:00.000Z'), // back by the end: retained
      onboarded('c4', '2026-04-10T00:00:00.000Z'), // new in April: in neither count
      onboarded('c5', '2026-03-31T15:00:00.000Z'), // 1 April 01:00 in Brisbane: new
      onboarded('c6', '2026-03-31T13:00:00.000Z'), // 31 March 23:00: active at the start, retained
      onboarded('c7', '2026-01-01T00:00:00.000Z'),
      offboarded('c7', '2026-03-15T00:00:00.000Z'), // gone before April
      onboarded('c8', '2026-01-01T00:00:00.000Z'),
      offboarded('c8', '2026-04-30T14:00:00.000Z'), // 1 May 00:00: still active at April's end
    ]);
    // Active at the start: c1 c2 c3 c6 c8 = 5; active at the end among them: c1 c3 c6 c8 = 4 → 0.8.
    const { value, eventCount } = await clientRetentionRate(scenario.context, { from: '2026-04-01', to: '2026-05-01' });
    expect(value).toEqual({ rate: 0.8, activeAtStart: 5, retained: 4 });
    expect(eventCount).toBe(1 + 2 + 3 + 1 + 2);
    expect((await clientRetentionRate(scenario.context, { from: '2025-01-01', to: '2025-02-01' })).value).toEqual({ rate: null, activeAtStart: 0, retained: 0 });
  });
});
