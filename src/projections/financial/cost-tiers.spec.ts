import { afterEach, describe, expect, it } from 'vitest';
import { hoursLogged } from '../../testing/delivery-facts';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { deliveryProjections } from '../delivery';
import { financialProjections, profitMargin } from './index';
import { onboarded, tierChanged } from '../../testing/projections/financial.fixtures';

const work = (entryId: string, workDate: string) => hoursLogged(`${workDate}T03:00:00Z`, { entryId, projectId: 'p1', consultantId: 'k1', clientId: 'c1', workDate, hours: 10 });

describe('profit margin by tier from month buckets', () => {
  let scenario: ProjectedScenario;
  afterEach(() => scenario?.close());

  it('judges each day of a month in which the client changed tier by the tier it ended that day with', async () => {
    scenario = await projectScenario([...deliveryProjections, ...financialProjections], [
      onboarded('c1', '2026-01-05T00:00:00Z', 'STARTER'),
      work('e1', '2026-03-10'),
      // 00:30 on 16 March in Brisbane: the 16th is already ENTERPRISE, the 15th is not.
      tierChanged('c1', '2026-03-15T14:30:00Z', 'STARTER', 'ENTERPRISE'),
      work('e2', '2026-03-15'),
      work('e3', '2026-03-16'),
      work('e4', '2026-04-20'),
    ]);
    const quarter = { from: '2026-03-01', to: '2026-05-01' };
    const fromBuckets = await profitMargin(scenario.context, quarter);
    const scanned = await profitMargin({ ...scenario.context, path: 'scan' }, quarter);
    // 10 h × 8000 = 80 000 cents an entry: e1 and e2 STARTER, e3 and e4 ENTERPRISE.
    expect(fromBuckets.value.byTier).toEqual({
      STARTER: { revenueCents: 0, costsCents: 160_000, profitCents: -160_000, margin: null },
      ENTERPRISE: { revenueCents: 0, costsCents: 160_000, profitCents: -160_000, margin: null },
    });
    expect(fromBuckets.value).toEqual(scanned.value);
  });
});
