import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { errorCodes, TestApi } from '../../testing/api-harness';

const nodes = '{ nodes { id type stream data } }';
type Node = { id: string; type: string; stream: string; data: Record<string, unknown> };

describe('platform streams by role, and key hashes for no one', () => {
  let api: TestApi;
  let viewer: string;
  let apiKeyEventId: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    api = await TestApi.start();
    viewer = (await api.keyWithRole('VIEWER')).secret;
    await api.given('WebhookDelivery-d1', [{ type: 'RawPayloadNoted', data: { tool: 'plane', body: '{"secret":"payload"}', headers: { 'x-plane-signature': 'abc' } } }]);
    await api.given('Audit-1', [{ type: 'NoteTaken' }]);
    await api.given('Audit-mixed', [{ type: 'NoteTaken' }, { type: 'ApiKeyRevoked', data: { keyId: 'k-stray', revokedAt: '2026-03-01T09:00:00.000Z' } }]);
    const all = await api.graphql<{ events: { nodes: Node[] } }, object>(`{ events(first: 200) ${nodes} }`);
    apiKeyEventId = all.body.data!.events.nodes.find((node) => node.type === 'ApiKeyCreated')!.id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.stop();
  });

  const pageAs = async (key: string) => (await api.graphql<{ events: { nodes: Node[] } }, object>(`{ events(first: 200) ${nodes} }`, {}, { key })).body.data!.events.nodes;

  it('leaves API keys and raw deliveries out of a VIEWER page of the log', async () => {
    const seen = await pageAs(viewer);

    expect(seen.map((node) => node.stream)).toContain('Audit-1');
    expect(seen.filter((node) => /^(ApiKey|WebhookDelivery|WebhookRejection)-/.test(node.stream))).toEqual([]);
  });

  it('shows them to an ADMIN, without any key hash', async () => {
    const seen = await pageAs(api.adminKey);

    expect(seen.some((node) => node.stream === 'WebhookDelivery-d1')).toBe(true);
    const created = seen.filter((node) => node.type === 'ApiKeyCreated');
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((node) => !('hash' in node.data) && typeof node.data.role === 'string')).toBe(true);
  });

  it('refuses a VIEWER asking for a platform category or stream by name (FORBIDDEN)', async () => {
    const byCategory = await api.graphql(`{ events(first: 5, filter: { categories: ["ApiKey"] }) ${nodes} }`, {}, { key: viewer });
    const byStream = await api.graphql(`{ stream(name: "WebhookDelivery-d1") ${nodes} }`, {}, { key: viewer });

    expect(errorCodes(byCategory)).toEqual(['FORBIDDEN']);
    expect(errorCodes(byStream)).toEqual(['FORBIDDEN']);
  });

  it('leaves a platform event type out of a business stream read by a VIEWER', async () => {
    const read = async (key: string) => (await api.graphql<{ stream: { nodes: Node[] } }, object>(`{ stream(name: "Audit-mixed") ${nodes} }`, {}, { key })).body.data!.stream.nodes.map((node) => node.type);

    expect(await read(viewer)).toEqual(['NoteTaken']);
    expect(await read(api.adminKey)).toEqual(['NoteTaken', 'ApiKeyRevoked']);
  });

  it('answers a VIEWER null for the id of an ApiKeyCreated event, and an ADMIN the event without its hash', async () => {
    const query = `{ event(id: "${apiKeyEventId}") { type data } }`;
    const asViewer = await api.graphql<{ event: Node | null }, object>(query, {}, { key: viewer });
    const asAdmin = await api.graphql<{ event: Node | null }, object>(query);

    expect(asViewer.body.data?.event).toBeNull();
    expect(asAdmin.body.data?.event?.type).toBe('ApiKeyCreated');
    expect(asAdmin.body.data?.event?.data).not.toHaveProperty('hash');
  });

  it('exports no platform line to a VIEWER, refuses ?categories=ApiKey (403), and no hash to an ADMIN', async () => {
    const exported = async (key: string, query = '') => fetch(`${api.url}/export/events.ndjson${query}`, { headers: { authorization: `Bearer ${key}` } });
    const viewerLines = (await (await exported(viewer)).text()).trim().split('\n').map((line) => JSON.parse(line) as Node);
    const adminText = await (await exported(api.adminKey)).text();

    expect(viewerLines.some((line) => line.stream === 'Audit-1')).toBe(true);
    expect(viewerLines.filter((line) => /^(ApiKey|WebhookDelivery)-/.test(line.stream))).toEqual([]);
    expect((await exported(viewer, '?categories=ApiKey')).status).toBe(403);
    expect(adminText).toContain('ApiKeyCreated');
    expect(adminText).not.toContain('"hash"');
  });

  it('does not push API key events to a VIEWER following the log, and refuses it their category', async () => {
    const client = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${viewer}` }, retryAttempts: 0 });
    clients.push(client);
    const received: Node[] = [];
    const first = new Promise<void>((resolve) => {
      client.subscribe<{ eventAppended: Node }>({ query: 'subscription { eventAppended { type stream } }' }, { next: (value) => (received.push(value.data!.eventAppended), resolve()), error: () => resolve(), complete: () => resolve() });
    });
    const refused = new Promise<unknown>((resolve) => {
      client.subscribe({ query: 'subscription { eventAppended(filter: { categories: ["ApiKey"] }) { type } }' }, { next: resolve, error: resolve, complete: () => resolve(null) });
    });
    // Acts until the live subscription has seen something: a key created, then a business event.
    for (let attempt = 0; attempt < 50 && received.length === 0; attempt++) {
      await api.keyWithRole('VIEWER');
      await api.given(`Audit-live-${attempt}`, [{ type: 'NoteTaken' }]);
      await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 100))]);
    }

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((node) => node.stream.startsWith('Audit-'))).toBe(true);
    expect(JSON.stringify(await refused)).toContain('FORBIDDEN');
  });
});
