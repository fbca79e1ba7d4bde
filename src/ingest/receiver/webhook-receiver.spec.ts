import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type IngestHarness, openIngestHarness, sampleBody, secretEnv, signedHeaders, testSecrets, xeroEvent } from '../../testing/ingest/ingest.fixtures';
import { maxWebhookBodyBytes } from './raw-body.reader';
import { sendWholeThenAsk } from '../../testing/raw-http';

let harness: IngestHarness;
beforeAll(async () => {
  harness = await openIngestHarness();
});
afterAll(() => harness.close());

const received = async (marker: string) => (await harness.events('WebhookDelivery')).filter((event) => JSON.stringify(event.data).includes(marker));
const rejections = async (tool: string) => harness.events('WebhookRejection').then((events) => events.filter((event) => event.stream === `WebhookRejection-${tool}`));

/** Sends a body in chunks without Content-Length, as a streaming client does. */
function postChunked(url: string, headers: Record<string, string>, chunks: number, chunkBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: response.statusCode!, body }));
    });
    request.on('error', reject);
    const chunk = Buffer.alloc(chunkBytes, 0x20);
    const write = (left: number): void => {
      if (left === 0 || request.destroyed) return void request.end();
      request.write(chunk, () => write(left - 1));
    };
    write(chunks);
  });
}

describe('Xero intent to receive', () => {
  const handshake = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'ITRENTROPY01' });

  it('answers a correctly signed handshake 200 with an empty body and stores nothing', async () => {
    const response = await harness.post('xero', handshake, signedHeaders('xero', handshake));
    expect([response.status, response.text, response.headers.get('content-length')]).toEqual([200, '', '0']);
    expect(await received('ITRENTROPY01')).toEqual([]);
  });

  it('answers an incorrectly signed handshake 401 with an empty body', async () => {
    const response = await harness.post('xero', handshake, signedHeaders('xero', handshake, { secret: 'another-xero-key-0123456789' }));
    expect([response.status, response.text]).toEqual([401, '']);
  });
});

describe('batches', () => {
  it('stores one delivery per Xero event of a batch', async () => {
    const body = JSON.stringify({ events: [xeroEvent('batch-a'), xeroEvent('batch-b')], firstEventSequence: 1, lastEventSequence: 2, entropy: 'E' });
    expect((await harness.post('xero', body, signedHeaders('xero', body))).status).toBe(200);
    const stored = await received('batch-');
    expect(stored.map((event) => (event.data as any).dedupeKey)).toEqual(
      expect.arrayContaining(['t-1:INVOICE:batch-a:UPDATE:2026-06-02T09:31:04.198', 't-1:INVOICE:batch-b:UPDATE:2026-06-02T09:31:04.198']),
    );
    expect((stored[0]!.data as any).payload.events).toHaveLength(1);
  });

  it('stores one delivery per item of a queued Mautic request', async () => {
    const body = JSON.stringify({
      'mautic.form_on_submit': [{ submission: { id: 'q-1' }, timestamp: 't' }, { submission: { id: 'q-2' }, timestamp: 't' }],
      'mautic.email_on_open': [{ stat: { id: 'q-3', openCount: 2 }, timestamp: 't' }],
    });
    const response = await harness.post('mautic', body, signedHeaders('mautic', body));
    expect(response.json.deliveries.map((delivery: any) => delivery.eventKind)).toEqual(['mautic.form_on_submit', 'mautic.form_on_submit', 'mautic.email_on_open']);
    expect((await received('"q-')).map((event) => (event.data as any).dedupeKey).sort()).toEqual([
      'mautic.email_on_open:q-3:2',
      'mautic.form_on_submit:q-1',
      'mautic.form_on_submit:q-2',
    ]);
  });
});

describe('the inbox', () => {
  it('stores a delivery sent three times at once once, and says which requests were duplicates', async () => {
    const body = sampleBody('plane', 'concurrent-1');
    const responses = await Promise.all([1, 2, 3].map(() => harness.post('plane', body, signedHeaders('plane', body))));
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202]);
    expect(responses.map((response) => response.json.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate']);
    expect(await received('concurrent-1')).toHaveLength(1);
  });

  it('keeps the payload and the headers, but never a signature or a secret', async () => {
    const body = sampleBody('invoiceninja', 'headers-1');
    await harness.post('invoiceninja', body, { ...signedHeaders('invoiceninja', body), 'x-api-token': 'tok', 'user-agent': 'GuzzleHttp/7' });
    const [event] = await received('headers-1');
    const data = event!.data as any;
    expect(data).toMatchObject({ tool: 'invoiceninja', eventKind: 'create_client', payload: JSON.parse(body) });
    expect(data.headers).toMatchObject({ 'user-agent': 'GuzzleHttp/7', 'x-in-event': 'create_client' });
    expect(JSON.stringify([event!.data, event!.metadata])).not.toContain(testSecrets.invoiceninja);
    expect(data.headers).not.toHaveProperty('x-api-token');
  });
});

describe('malformed requests', () => {
  it.each([
    ['invalid JSON', Buffer.from('{"event": "issue",'), 'not valid JSON'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'not valid UTF-8'],
    ['a JSON array', Buffer.from('[1,2]'), 'must be a JSON object'],
    ['a Plane body without action', Buffer.from('{"event":"issue","webhook_id":"w"}'), 'action is missing'],
  ])('refuses %s with 400 and quarantines it', async (_label, body, message) => {
    const before = (await rejections('plane')).length;
    const response = await harness.post('plane', body, signedHeaders('plane', body));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'malformed', message: expect.stringContaining(message) });
    const quarantined = await rejections('plane');
    expect(quarantined).toHaveLength(before + 1);
    expect(quarantined.at(-1)!.data).toMatchObject({ reason: 'malformed', bodyBytes: body.length, path: '/webhooks/plane' });
  });

  it('refuses a declared body over 1 MB with 413 without reading it, storing only the rejection', async () => {
    const body = Buffer.alloc(maxWebhookBodyBytes + 1, 0x20);
    const response = await harness.post('mautic', body, signedHeaders('mautic', body));
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ error: 'too_large' });
    expect((await harness.rejects()).find((reject) => reject.tool === 'mautic')).toMatchObject({ reason: 'too_large', excerpt: '' });
  });

  it('lets a client still sending an oversized body read the 413, and serves its next request on the same connection', async () => {
    // Given a client that writes all of a 1.1 MB body whatever the server answers first
    const body = Buffer.alloc(maxWebhookBodyBytes + 100_000, 0x20);
    const head = `POST /webhooks/mautic HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    const next = 'POST /webhooks/evil HTTP/1.1\r\nHost: localhost\r\ncontent-length: 2\r\n\r\n{}';

    // When it sends it, then another request on the same connection
    const answer = await sendWholeThenAsk(harness.url, head, body, next);

    // Then it read the 413, the rest of the body was dropped, not reset, and the next request answered
    expect(answer).toEqual({ statuses: [413, 400], reset: false });
  });

  it('stops reading a streamed body at 1 MB and answers 413', async () => {
    const before = (await harness.events('WebhookDelivery')).length;
    const response = await postChunked(`${harness.url}/webhooks/chatwoot`, { 'x-chatwoot-signature': 'sha256=00', 'x-chatwoot-timestamp': '1' }, 40, 64 * 1024);
    expect(response.status).toBe(413);
    const rejection = (await harness.rejects()).find((reject) => reject.tool === 'chatwoot') as any;
    expect(rejection).toMatchObject({ reason: 'too_large' });
    expect(rejection.excerpt.length).toBeLessThanOrEqual(4096);
    expect(await harness.events('WebhookDelivery')).toHaveLength(before);
  });
});

describe('a client hanging up mid-body', () => {
  it('is logged as a warning, not an error, and stores nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = Buffer.from(sampleBody('chatwoot', 'hung-up'));
      const headers = { ...signedHeaders('chatwoot', body), 'content-length': String(body.length + 4_000) };
      const { hostname, port } = new URL(harness.url);
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /webhooks/chatwoot HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`);
        socket.write(body, () => socket.destroy());
      });
      socket.on('error', () => undefined);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('abandoned mid-body by the client')), { timeout: 10_000 });
      expect(JSON.parse(String(warn.mock.calls.at(-1)![0]))).toMatchObject({ level: 'warn', tool: 'chatwoot' });
      expect(error).not.toHaveBeenCalled();
      expect(await received('hung-up')).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

describe('a disabled tool', () => {
  it('refuses everything and names the setting that enables it', async () => {
    const { plane, xero, ...rest } = testSecrets;
    const disabled = await openIngestHarness(secretEnv(rest));
    try {
      const body = sampleBody('plane');
      const response = await disabled.post('plane', body, signedHeaders('plane', body));
      expect(response.status).toBe(503);
      expect(response.json).toEqual({ error: 'tool_disabled', message: 'webhooks for plane are disabled: set WEBHOOK_SECRET_PLANE' });
      const xeroResponse = await disabled.post('xero', sampleBody('xero'), signedHeaders('xero', sampleBody('xero'), { secret: xero }));
      expect([xeroResponse.status, xeroResponse.text, xeroResponse.headers.get('x-zixly-reason')]).toEqual([503, '', 'webhooks for xero are disabled: set WEBHOOK_SECRET_XERO']);
      expect(await disabled.events('WebhookDelivery')).toEqual([]);
      expect(plane).toBeDefined();
    } finally {
      await disabled.close();
    }
  });
});

describe('Invoice Ninja', () => {
  it('takes the event from the path', async () => {
    const body = JSON.stringify({ id: 'pay-1', updated_at: 1779876543, status_id: '4' });
    const { 'x-in-event': _event, ...headers } = signedHeaders('invoiceninja', body);
    const response = await harness.post('invoiceninja/create_payment', body, headers);
    expect(response.status).toBe(202);
    expect((await received('pay-1'))[0]!.data).toMatchObject({ eventKind: 'create_payment', dedupeKey: 'create_payment:pay-1:1779876543:4' });
  });

  it.each([
    ['GET', 'invoiceninja'],
    ['DELETE', 'invoiceninja'],
    ['PATCH', 'invoiceninja/create_client'],
    ['POST', 'invoiceninja/create_client/extra'],
    ['POST', 'invoiceninja/no_such_event'],
    ['POST', 'invoice-ninja'],
    ['PUT', ''],
  ])('never answers %s /webhooks/%s with 404, 405 or 410', async (method, path) => {
    const body = sampleBody('invoiceninja', 'never-404');
    const response = await harness.post(path, body, signedHeaders('invoiceninja', body), method);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect([404, 405, 410]).not.toContain(response.status);
  });

  it('accepts PUT, which a subscription may be configured to use', async () => {
    const body = sampleBody('invoiceninja', 'put-1');
    expect((await harness.post('invoiceninja', body, signedHeaders('invoiceninja', body), 'PUT')).status).toBe(202);
  });
});
