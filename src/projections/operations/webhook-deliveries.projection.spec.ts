import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import { operationsProjections } from './index';
import * as f from '../../testing/projections/operations.facts';
import type { WebhookDocument } from './webhook-deliveries.projection';

describe('webhook deliveries projection', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('keeps processed deliveries final, lets a parked one be replayed, and files each rejection apart', async () => {
    scenario = await projectScenario(operationsProjections, [
      f.deliveryReceived('d1', 'xero', '2026-04-01T00:00:00.000Z'),
      f.deliveryProcessed('d1', 'xero', '2026-04-01T00:00:01.000Z'),
      f.deliveryFailed('d1', 'xero', '2026-04-01T00:00:02.000Z', 2), // a late report: ignored
      f.deliveryReceived('d2', 'xero', '2026-04-02T00:00:00.000Z'),
      f.deliveryParked('d2', 'xero', '2026-04-02T00:01:00.000Z', 'unmapped'),
      f.deliveryFailed('d2', 'xero', '2026-04-03T00:00:00.000Z', 1), // replayed by hand, failed...
      f.deliveryProcessed('d2', 'xero', '2026-04-03T00:05:00.000Z'), // ...then processed
      f.deliveryRejected('xero', '2026-04-04T00:00:00.000Z'),
      f.deliveryRejected('xero', '2026-04-04T00:00:00.000Z'),
    ]);
    const { documents } = await scenario.reads.find<WebhookDocument>('webhook_deliveries', {});
    const d1 = documents.find((document) => document._id === 'd1');
    const d2 = documents.find((document) => document._id === 'd2');
    expect(d1).toMatchObject({ status: 'processed', failures: [], settledAt: '2026-04-01T00:00:01.000Z', lastEventAt: '2026-04-01T00:00:01.000Z' });
    expect(d2).toMatchObject({
      status: 'processed',
      parkedAt: '2026-04-02T00:01:00.000Z',
      parkReason: 'unmapped',
      processedAt: '2026-04-03T00:05:00.000Z',
      settledAt: '2026-04-03T00:05:00.000Z',
      failures: [{ at: '2026-04-03T00:00:00.000Z', attempt: 1, error: 'timeout', retryable: true }],
    });
    expect(documents.filter((document) => document.kind === 'rejection')).toHaveLength(2);
  });
});
