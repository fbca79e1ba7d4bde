import { collect } from '../../core/event-store.port';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, secretEnv, signedHeaders } from '../../testing/ingest/ingest.fixtures';
import { errorCodes, TestApi } from '../../testing/api-harness';

/** The shared Chatwoot sample without our `_headers`/`_note`, as Chatwoot would send it. */
function chatwootSample(): string {
  const { _headers, _note, ...body } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tools', 'chatwoot', 'fixtures', 'chatwoot.conversation_created.json'), 'utf8'));
  return JSON.stringify(body);
}

const parkedQuery = `query ($tool: WebhookTool, $reason: WebhookParkReason) {
  parkedDeliveries(tool: $tool, reason: $reason, first: 10) {
    nodes { deliveryId tool eventKind reason failedAttempts detail { error payload headers } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('webhook ingest on the composed app', () => {
  let api: TestApi;
  let deliveryId: string;

  beforeAll(async () => {
    api = await TestApi.start({ ...secretEnv(), WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_RETRY_BASE_MS: '1' });
    const body = chatwootSample();
    const response = await fetch(`${api.url}/webhooks/chatwoot`, { method: 'POST', body, headers: signedHeaders('chatwoot', body) });
    expect(response.status).toBe(202);
    deliveryId = ((await response.json()) as { deliveries: Array<{ deliveryId: string }> }).deliveries[0]!.deliveryId;
  });
  afterAll(async () => {
    await api?.stop();
  });

  const parked = () =>
    eventually(async () => {
      const { body } = await api.graphql<any, object>(parkedQuery, { tool: 'CHATWOOT' });
      return body.data?.parkedDeliveries.nodes.length ? body.data.parkedDeliveries.nodes : undefined;
    });

  it('lists a delivery the worker parked as unmapped, with what it carried, to ADMIN keys only', async () => {
    const [node] = await parked();
    expect(node).toMatchObject({ deliveryId, tool: 'CHATWOOT', eventKind: 'conversation_created', reason: 'UNMAPPED', failedAttempts: 0 });
    expect(node.detail.error).toContain('No Zixly client is linked');
    expect(node.detail.payload).toMatchObject({ event: 'conversation_created' });
    expect(JSON.stringify(node.detail.headers)).not.toContain('signature');

    const viewer = await api.keyWithRole('VIEWER');
    expect(errorCodes(await api.graphql(parkedQuery, {}, { key: viewer.secret }))).toEqual(['FORBIDDEN']);
  });

  it('redrives one delivery, which the worker attempts again (and parks again while still unmapped)', async () => {
    await parked();
    const { body } = await api.graphql<any, object>('mutation ($id: ID!) { redriveDelivery(deliveryId: $id) { deliveryId previousReason run } }', { id: deliveryId });
    expect(body.data.redriveDelivery).toEqual({ deliveryId, previousReason: 'UNMAPPED', run: 1 });
    const events = await eventually(async () => {
      const stream = [];
      for await (const event of api.app.services.eventStore.readStream(`WebhookDelivery-${deliveryId}`)) stream.push(event.type);
      return stream.filter((type) => type === 'WebhookDeliveryParked').length === 2 ? stream : undefined;
    });
    expect(events).toEqual(['WebhookDeliveryReceived', 'WebhookDeliveryParked', 'WebhookDeliveryRedriven', 'WebhookDeliveryParked']);
  });

  it('redrives every parked delivery of a tool and reason, and refuses unknown or unparked ones', async () => {
    await parked();
    const { body } = await api.graphql<any, object>('mutation { redriveParked(tool: CHATWOOT, reason: UNMAPPED) { count deliveryIds } }');
    expect(body.data.redriveParked).toEqual({ count: 1, deliveryIds: [deliveryId] });
    expect(errorCodes(await api.graphql('mutation { redriveDelivery(deliveryId: "nope") { run } }'))).toEqual(['NOT_FOUND']);
  });

  it('counts deliveries per tool for VIEWER keys, and shows an unauthenticated reject to ADMINs only, from outside the log', async () => {
    const rejected = await fetch(`${api.url}/webhooks/chatwoot`, { method: 'POST', body: '{}', headers: { 'x-chatwoot-signature': 'sha256=00', 'x-chatwoot-timestamp': '1' } });
    expect(rejected.status).toBe(401);
    const viewer = await api.keyWithRole('VIEWER');
    const query = '{ webhookDeliveries(period: { from: "2000-01-01", to: "2100-01-01" }) { tools { tool received parked rejected } } }';
    const tools = await eventually(async () => {
      const { body } = await api.graphql<any, object>(query, {}, { key: viewer.secret });
      const chatwoot = body.data?.webhookDeliveries.tools.find((entry: { tool: string }) => entry.tool === 'chatwoot');
      return chatwoot?.received === 1 ? chatwoot : undefined;
    });
    expect(tools).toMatchObject({ tool: 'chatwoot', received: 1 });

    const rejects = '{ webhookRejects(tool: "chatwoot") { nodes { tool reason method path excerpt } } }';
    expect((await api.graphql<any, object>(rejects, {})).body.data.webhookRejects.nodes).toEqual([{ tool: 'chatwoot', reason: 'BAD_SIGNATURE', method: 'POST', path: '/webhooks/chatwoot', excerpt: '{}' }]);
    expect((await api.graphql<any, object>(rejects, {}, { key: viewer.secret })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const logged = await collect(api.app.services.eventStore.readAll({ categories: ['WebhookRejection'] }));
    expect(logged.filter((event) => !(event.data as { summary?: unknown }).summary)).toEqual([]);
  });
});
