import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookTools, type WebhookTool } from '../delivery';
import { type IngestHarness, openIngestHarness, sampleBody, signedHeaders, testSecrets } from '../../testing/ingest/ingest.fixtures';

const acceptedStatus = (tool: WebhookTool) => (tool === 'xero' ? 200 : 202);
const otherTool = (tool: WebhookTool): WebhookTool => webhookTools[(webhookTools.indexOf(tool) + 1) % webhookTools.length]!;
const sharedSecretTools: readonly WebhookTool[] = ['invoiceninja', 'nextcloud'];

/** Xero answers with empty bodies: the reason is only in `x-zixly-reason`. */
function reasonOf(tool: WebhookTool, response: { json: any; text: string }): string | null {
  if (tool === 'xero') {
    expect(response.text).toBe('');
    return null;
  }
  return response.json.error;
}

let harness: IngestHarness;
beforeAll(async () => {
  harness = await openIngestHarness();
});
afterAll(() => harness.close());

describe.each(webhookTools)('%s signatures', (tool) => {
  it('accepts a correctly signed delivery', async () => {
    const body = sampleBody(tool, `good-${tool}`);
    const response = await harness.post(tool, body, signedHeaders(tool, body));
    expect(response.status).toBe(acceptedStatus(tool));
    if (tool !== 'xero') expect(response.json).toMatchObject({ status: 'accepted', deliveries: [{ duplicate: false }] });
  });

  it('refuses a tampered request with 401', async () => {
    const body = sampleBody(tool, `tampered-${tool}`);
    const headers = signedHeaders(tool, body);
    const tampered = sharedSecretTools.includes(tool) ? { ...headers, 'x-zixly-secret': `${testSecrets[tool]}x` } : headers;
    const sentBody = sharedSecretTools.includes(tool) ? body : body.replace(`tampered-${tool}`, `tampered-${tool}!`);
    const response = await harness.post(tool, sentBody, tampered);
    expect(response.status).toBe(401);
    expect([null, 'bad_signature']).toContain(reasonOf(tool, response));
  });

  it('refuses a request without its signature or secret header with 401', async () => {
    const body = sampleBody(tool, `missing-${tool}`);
    const headers = Object.fromEntries(Object.entries(signedHeaders(tool, body)).filter(([name]) => !/signature|secret/.test(name)));
    const response = await harness.post(tool, body, headers);
    expect(response.status).toBe(401);
    expect([null, 'missing_signature']).toContain(reasonOf(tool, response));
  });

  it("refuses a request signed with another tool's secret with 401", async () => {
    const body = sampleBody(tool, `wrong-${tool}`);
    const response = await harness.post(tool, body, signedHeaders(tool, body, { secret: testSecrets[otherTool(tool)] }));
    expect(response.status).toBe(401);
    expect([null, 'bad_signature']).toContain(reasonOf(tool, response));
  });

  it('acknowledges a replayed request as a duplicate and stores it once', async () => {
    const body = sampleBody(tool, `replay-${tool}`);
    const first = await harness.post(tool, body, signedHeaders(tool, body));
    const again = await harness.post(tool, body, signedHeaders(tool, body));
    expect([first.status, again.status]).toEqual([acceptedStatus(tool), acceptedStatus(tool)]);
    if (tool !== 'xero') expect(again.json.status).toBe('duplicate');
    const received = (await harness.events('WebhookDelivery')).filter((event) => JSON.stringify(event.data).includes(`replay-${tool}`));
    expect(received).toHaveLength(1);
  });
});

describe('chatwoot timestamps', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['stale', -301],
    ['future', 301],
  ])('refuses a correctly signed but %s timestamp with 401 stale_timestamp', async (_label, offset) => {
    const body = sampleBody('chatwoot', `ts${offset}`);
    const response = await harness.post('chatwoot', body, signedHeaders('chatwoot', body, { timestamp: now() + offset }));
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: 'stale_timestamp' });
  });

  it('accepts a timestamp within five minutes either way', async () => {
    for (const offset of [-290, 290]) {
      const body = sampleBody('chatwoot', `within${offset}`);
      const headers = signedHeaders('chatwoot', body, { timestamp: now() + offset, chatwootDelivery: `d${offset}` });
      expect((await harness.post('chatwoot', body, headers)).status).toBe(202);
    }
  });

  it('refuses a timestamp changed after signing as a bad signature', async () => {
    const body = sampleBody('chatwoot', 'ts-moved');
    const headers = signedHeaders('chatwoot', body, { timestamp: now() - 10 });
    const response = await harness.post('chatwoot', body, { ...headers, 'x-chatwoot-timestamp': String(now()) });
    expect(response.status).toBe(401);
    expect(response.json.error).toBe('bad_signature');
  });
});
