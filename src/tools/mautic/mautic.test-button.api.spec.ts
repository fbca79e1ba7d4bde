import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnv, signedHeaders } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { deliver, toolFixture } from '../../testing/tool-webhooks';

const leadsQuery = '{ leads(first: 10) { nodes { id } } }';
const ignoredQuery = `query ($period: PeriodInput!) { operationsDashboard(period: $period) { webhookDeliveries { value { tool ignored ignoredByReason { key value } } } } }`;

/** The buttons people press while setting a webhook up, through the real routes with each tool's signing. */
describe('setting the webhooks up: test buttons and handshakes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
  });
  afterAll(() => api?.stop());

  it('accepts Mautic’s "send test payload" and records no lead from its samples, with the reason shown', async () => {
    const outcome = await deliver(api, 'mautic', toolFixture('mautic', 'test_payload'));
    expect(outcome).toEqual({ status: 'ignored', ignoreReason: expect.stringContaining('"send test payload"') });
    expect((await api.graphql<any, object>(leadsQuery)).body.data.leads.nodes).toEqual([]);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { body } = await api.graphql<any, object>(ignoredQuery, { period: { from: '2020-01-01', to: tomorrow } });
    const mautic = body.data.operationsDashboard.webhookDeliveries.value.find((row: { tool: string }) => row.tool === 'mautic');
    // One delivery per sample type Mautic 5.1 ships (8), all ignored for the same reason.
    expect(mautic).toEqual({ tool: 'mautic', ignored: 8, ignoredByReason: [{ key: expect.stringContaining('send test payload'), value: 8 }] });
  });

  it('answers Xero’s intent to receive 200 when events is null, and 401 when signed with another key', async () => {
    const body = toolFixture('xero', 'intent_to_receive.null_events');
    const signed = await fetch(`${api.url}/webhooks/xero`, { method: 'POST', body, headers: signedHeaders('xero', body) });
    expect([signed.status, await signed.text()]).toEqual([200, '']);
    const forged = await fetch(`${api.url}/webhooks/xero`, { method: 'POST', body, headers: signedHeaders('xero', body, { secret: 'another-xero-key-0123456789' }) });
    expect(forged.status).toBe(401);
  });
});
