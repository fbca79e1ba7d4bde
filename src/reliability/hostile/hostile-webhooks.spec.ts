import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookTools } from '../../ingest/delivery';
import { sampleBody, signedHeaders } from '../../testing/ingest/ingest.fixtures';
import { linkClients } from '../support/app-readiness';
import { reportRow } from '../support/reliability-row';
import { SeededRandom } from '../../demo/seeded-random';
import { chatwootConversationUnit } from '../workload/chatwoot-conversation.variants';
import { workloadClients } from '../workload/webhook-workload';
import { HostileHarness } from './hostile-harness';
import { anotherToolsSecret, chunked, deeplyNested, invalidUtf8, withPollutingKeys } from './hostile-payloads';
import { postHead, rawExchange } from '../../testing/raw-http';

let harness: HostileHarness;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
beforeAll(async () => {
  harness = await HostileHarness.start();
});
afterEach(async () => {
  await harness.stillServing();
});
afterAll(async () => {
  await harness?.stop();
});

async function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  return harness.hostile(async () => {
    const response = await fetch(`${harness.url}${path}`, { method: 'POST', body, headers, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, error: text.startsWith('{') ? (JSON.parse(text) as { error?: string; status?: string }) : null };
  });
}

const chatwoot = (body: string | Buffer, headers = signedHeaders('chatwoot', body)) => post('/webhooks/chatwoot', body, headers);

describe('hostile webhook requests', () => {
  it('refuses malformed JSON and a form-encoded body, correctly signed, with 400', async () => {
    const malformed = '{"event":"conversation_created","id":';
    const form = 'event=conversation_created&id=1';
    expect(await chatwoot(malformed)).toMatchObject({ status: 400, error: { error: 'malformed' } });
    expect(await chatwoot(form, { ...signedHeaders('chatwoot', form), 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 400, error: { error: 'malformed' } });
  });

  it('refuses a body over 1 MiB with 413, whether its length is declared or it is streamed in chunks', async () => {
    const big = `{"event":"conversation_created","id":1,"padding":"${'x'.repeat(1024 * 1024)}"}`;
    expect(await chatwoot(big)).toMatchObject({ status: 413, error: { error: 'too_large' } });
    const head = postHead('/webhooks/chatwoot', { ...signedHeaders('chatwoot', big), 'transfer-encoding': 'chunked' });
    const streamed = await harness.hostile(() => rawExchange(harness.url, { head, parts: chunked(Buffer.from(big), 64 * 1024), guardMs: 30_000 }));
    expect(streamed.status).toBe(413);
  });

  it('answers 400 to a body cut short (Content-Length larger than what arrives, then the client closes)', async () => {
    const body = Buffer.from(sampleBody('chatwoot', 'cut'));
    const head = postHead('/webhooks/chatwoot', { ...signedHeaders('chatwoot', body), 'content-length': body.length + 4_000 });
    const answer = await harness.hostile(() => rawExchange(harness.url, { head, parts: [body], closeAfter: true, guardMs: 30_000 }));
    expect(answer.status).toBe(400);
  });

  it('cuts off a body dripping a byte at a time with 408 once the request timeout passes', async () => {
    const body = Buffer.from(sampleBody('chatwoot', 'drip'));
    const head = postHead('/webhooks/chatwoot', { ...signedHeaders('chatwoot', body), 'content-length': body.length });
    const answer = await harness.hostile(() => rawExchange(harness.url, { head, parts: [...body].map((byte) => Buffer.from([byte])), dripMs: 100, guardMs: 60_000 }));
    expect(answer.status).toBe(408);
  });

  it('cuts off headers dripping a byte at a time with 408', async () => {
    const head = postHead('/webhooks/chatwoot', { 'content-type': 'application/json', 'content-length': 2 });
    const answer = await harness.hostile(() => rawExchange(harness.url, { head: '', parts: [...Buffer.from(head)].map((byte) => Buffer.from([byte])), dripMs: 100, guardMs: 60_000 }));
    expect(answer.status).toBe(408);
  });

  it('answers 400 to a request target no URL parser accepts (`//`) instead of ending the process', async () => {
    const head = 'POST // HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
    const answer = await harness.hostile(() => rawExchange(harness.url, { head, guardMs: 30_000 }));
    expect(answer.status).toBe(400);
  });

  it('refuses invalid UTF-8 with 400', async () => {
    const body = invalidUtf8('{"event":"conversation_created","id":1,"note":"', '"}');
    expect(await chatwoot(body)).toMatchObject({ status: 400, error: { error: 'malformed' } });
  });

  it('refuses deeply nested JSON with 400 rather than asking the tool to retry it forever', async () => {
    const mautic = `{"mautic.form_on_submit":[${deeplyNested(100_000)}]}`;
    const conversation = deeplyNested(100_000).replace(/^\{"a":/, '{"event":"conversation_created","id":1,"a":');
    expect(await post('/webhooks/mautic', mautic, signedHeaders('mautic', mautic))).toMatchObject({ status: 400, error: { error: 'malformed' } });
    expect(await chatwoot(conversation)).toMatchObject({ status: 400, error: { error: 'malformed' } });
  });

  it('treats __proto__ and constructor keys as plain data: the ticket opens and Object.prototype is untouched', async () => {
    const [client] = workloadClients();
    await linkClients(harness.url, harness.api.adminKey, [client!]);
    const created = chatwootConversationUnit(900, client!, new SeededRandom(5), 1_780_000_000).deliveries[0]!;
    expect(await chatwoot(withPollutingKeys(created.body))).toMatchObject({ status: 202, error: { status: 'accepted' } });
    await eventuallyTicket('chatwoot:1:5900');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });

  it('refuses Chatwoot timestamps ten minutes old or ten minutes ahead with 401', async () => {
    const body = sampleBody('chatwoot', 'stale');
    const now = Math.floor(Date.now() / 1000);
    expect(await chatwoot(body, signedHeaders('chatwoot', body, { timestamp: now - 600 }))).toMatchObject({ status: 401, error: { error: 'stale_timestamp' } });
    expect(await chatwoot(body, signedHeaders('chatwoot', body, { timestamp: now + 600 }))).toMatchObject({ status: 401, error: { error: 'stale_timestamp' } });
  });

  it('answers a replayed request, byte for byte, as a duplicate', async () => {
    const body = sampleBody('chatwoot', 'replayed');
    const headers = signedHeaders('chatwoot', body);
    expect(await chatwoot(body, headers)).toMatchObject({ status: 202, error: { status: 'accepted' } });
    expect(await chatwoot(body, headers)).toMatchObject({ status: 202, error: { status: 'duplicate' } });
  });

  it.each(webhookTools)('refuses a %s request signed with another tool\'s secret with 401', async (tool) => {
    const body = sampleBody(tool, 'forged');
    const answer = await post(`/webhooks/${tool}`, body, signedHeaders(tool, body, { secret: anotherToolsSecret(tool), invoiceNinjaEvent: 'sent_invoice' }));
    expect(answer.status).toBe(401);
  });

  it('kept serving throughout: every canary delivery stored once, read models equal to a rebuild', async ({ task }) => {
    const audit = await harness.audit();
    reportRow(task, harness.rowOf('5. hostile webhook requests', audit));
    expect(harness.failedHealthChecks).toBe(0);
    expect(audit).toMatchObject({ lost: [], duplicated: 0, diverging: [] });
  });
});

async function eventuallyTicket(ticketId: string): Promise<void> {
  const { readStore } = harness.api.app.services;
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await readStore.getMany('tickets', [ticketId])).size === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`ticket ${ticketId} was not opened`);
}
