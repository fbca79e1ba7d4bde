import { createHash, createHmac } from 'node:crypto';
import { rawExchange } from '../../../testing/raw-http';
import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';
import { gql, uniqueId } from './probe-calls';

/** What the webhook door does with replays, conflicts, floods and crafted paths. */
const webhookProbe = (name: string, run: (target: ProbeTarget) => Promise<ProbeOutcome>): Probe => ({ class: 'webhooks', name, run });

const secretOf = (target: ProbeTarget, tool: string) => {
  const secret = target.env[`WEBHOOK_SECRET_${tool.toUpperCase()}`];
  if (!secret) throw new Error(`the target runs without WEBHOOK_SECRET_${tool.toUpperCase()}`);
  return secret;
};

function chatwootHeaders(target: ProbeTarget, body: string, delivery: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secretOf(target, 'chatwoot')).update(`${timestamp}.`).update(body).digest('hex');
  return { 'content-type': 'application/json', 'x-chatwoot-delivery': delivery, 'x-chatwoot-timestamp': String(timestamp), 'x-chatwoot-signature': `sha256=${signature}` };
}

const planeHeaders = (target: ProbeTarget, body: string) => ({ 'content-type': 'application/json', 'x-plane-signature': createHmac('sha256', secretOf(target, 'plane')).update(body).digest('hex') });

async function post(target: ProbeTarget, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${target.url}${path}`, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : null };
}

/** A request target sent as is: fetch would resolve dot segments before sending. */
async function rawGet(target: ProbeTarget, path: string, method = 'GET') {
  return rawExchange(target.url, { head: `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, guardMs: 10_000 });
}

/** The crafted path must be refused with 400 and never answered by the route it climbs to. */
function pathProbe(path: string): Probe {
  return webhookProbe(`request path ${path}`, async (target) => {
    const answer = await rawGet(target, path);
    const leaked = /zixly_|# HELP|"status":"ok"|"data"/.test(answer.text.split('\r\n\r\n').slice(1).join(''));
    if (leaked) return { kind: 'leak', detail: `answered ${answer.status} with the target route's content` };
    return answer.status === 400 ? { kind: 'refused', detail: '400 before routing' } : { kind: 'failed', detail: `answered ${answer.status}` };
  });
}

function junkFlood(name: string, tool: string, count: number, body: () => string, headers: Record<string, string>, expected: number): Probe {
  return webhookProbe(name, async (target) => {
    const statuses = new Map<number, number>();
    for (let request = 0; request < count; request++) {
      const { status } = await post(target, `/webhooks/${tool}`, body(), headers);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const kept = await gql(target, 'ADMIN', `{ webhookRejects(tool: "${tool}", first: 200) { nodes { reason } } }`);
    const max = Number(target.env['WEBHOOK_REJECTS_MAX_COUNT'] ?? 1_000);
    const summary = [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
    if (statuses.size !== 1 || !statuses.has(expected)) return { kind: 'failed', detail: `answered ${summary}` };
    if (kept.errors.length > 0) return { kind: 'failed', detail: `webhookRejects failed: ${kept.errors[0]!.message}` };
    if ((kept.data?.webhookRejects.nodes.length ?? 0) > Math.min(max, 200)) return { kind: 'failed', detail: 'more rejects kept than the bound' };
    return { kind: 'refused', detail: `${summary}; kept outside the log within ${max} records` };
  });
}

export const probes: readonly Probe[] = [
  webhookProbe('a captured Chatwoot delivery replayed with new (unsigned) delivery ids', async (target) => {
    const body = JSON.stringify({ event: 'conversation_created', id: uniqueId('conv'), status: 'open', updated_at: Date.now() / 1000 });
    const timestamp = Math.floor(Date.now() / 1000);
    const answers: string[] = [];
    for (let copy = 0; copy < 10; copy++) answers.push((await post(target, '/webhooks/chatwoot', body, chatwootHeaders(target, body, uniqueId('forged'), timestamp))).json?.status);
    const accepted = answers.filter((status) => status === 'accepted').length;
    return accepted === 1 && answers.slice(1).every((status) => status === 'duplicate')
      ? { kind: 'refused', detail: '1 stored, 9 replays answered duplicate' }
      : { kind: 'failed', detail: `answers: ${answers.join(', ')}` };
  }),

  webhookProbe('a Chatwoot delivery replayed after its signed timestamp went stale', async (target) => {
    const body = JSON.stringify({ event: 'conversation_created', id: uniqueId('conv'), status: 'open' });
    const { status, json } = await post(target, '/webhooks/chatwoot', body, chatwootHeaders(target, body, uniqueId('d'), Math.floor(Date.now() / 1000) - 3_600));
    return status === 401 && json?.error === 'stale_timestamp' ? { kind: 'refused', detail: '401 stale_timestamp' } : { kind: 'failed', detail: `answered ${status} ${JSON.stringify(json)}` };
  }),

  webhookProbe('the same delivery id (Plane event_id) with a different body', async (target) => {
    const eventId = uniqueId('evt');
    const bodyOf = (name: string) => JSON.stringify({ version: 'v2', event_id: eventId, event: 'workitem.updated', data: { id: 'wi-probe', name } });
    const first = await post(target, '/webhooks/plane', bodyOf('Original'), planeHeaders(target, bodyOf('Original')));
    const second = await post(target, '/webhooks/plane', bodyOf('Tampered'), planeHeaders(target, bodyOf('Tampered')));
    if (first.json?.status !== 'accepted' || second.json?.deliveries?.[0]?.conflict !== true) return { kind: 'failed', detail: `answers: ${JSON.stringify([first.json, second.json])}` };
    const conflicts = await gql(target, 'ADMIN', '{ webhookConflicts(first: 200) { nodes { dedupeKey payload } } }');
    const seen = (conflicts.data?.webhookConflicts.nodes ?? []).some((node: { dedupeKey: string }) => node.dedupeKey === `v2:${eventId}`);
    const hidden = await gql(target, 'VIEWER', '{ webhookConflicts { nodes { dedupeKey } } }');
    if (hidden.errors[0]?.extensions?.code !== 'FORBIDDEN') return { kind: 'leak', detail: 'a VIEWER read webhookConflicts' };
    return seen ? { kind: 'refused', detail: 'kept as a conflict for ADMINs, not processed' } : { kind: 'failed', detail: 'no conflict recorded' };
  }),

  junkFlood('200 unsigned junk requests to Plane', 'plane', 200, () => JSON.stringify({ junk: uniqueId('j'), padding: 'x'.repeat(2_000) }), { 'content-type': 'application/json', 'x-plane-signature': '00' }, 401),
  junkFlood('100 requests guessing the Invoice Ninja secret', 'invoiceninja', 100, () => JSON.stringify({ id: uniqueId('c') }), { 'content-type': 'application/json', 'x-zixly-secret': 'guessing-0123456789', 'x-in-event': 'create_client' }, 401),
  junkFlood('50 requests without a signature to Chatwoot', 'chatwoot', 50, () => JSON.stringify({ event: 'conversation_created', id: uniqueId('c') }), { 'content-type': 'application/json' }, 401),
  junkFlood('20 oversized unsigned bodies', 'mautic', 20, () => 'x'.repeat(1_100_000), { 'content-type': 'application/json' }, 413),

  webhookProbe('requests to a tool that does not exist', async (target) => {
    const { status } = await post(target, '/webhooks/evil', '{}', { 'content-type': 'application/json' });
    return status === 400 ? { kind: 'refused', detail: '400 unknown_tool' } : { kind: 'failed', detail: `answered ${status}` };
  }),

  pathProbe('/webhooks/%2e%2e/metrics'),
  pathProbe('/webhooks/%2E%2E/readyz'),
  pathProbe('/webhooks/../metrics'),
  pathProbe('/webhooks/./%2e./graphql?query=%7B__typename%7D'),
  pathProbe('/webhooks/..%2fmetrics'),
  pathProbe('/webhooks\\..\\metrics'),

  webhookProbe('a signed delivery on a path with duplicate slashes', async (target) => {
    const body = JSON.stringify({ version: 'v2', event_id: uniqueId('evt'), event: 'workitem.updated', data: { id: 'wi-slash' } });
    const { status, json } = await post(target, '//webhooks//plane', body, planeHeaders(target, body)).catch(() => ({ status: 0, json: null }));
    if (status === 202 || status === 400) return { kind: 'served', detail: `answered ${status} ${json?.status ?? json?.error ?? ''}` };
    return { kind: 'failed', detail: `answered ${status}` };
  }),

  webhookProbe('HEAD on /healthz and /readyz', async (target) => {
    const answers = await Promise.all(['/healthz', '/readyz'].map((path) => rawGet(target, path, 'HEAD')));
    const bodies = answers.map((answer) => answer.text.split('\r\n\r\n')[1] ?? '');
    const ok = answers.every((answer) => answer.status === 200 || answer.status === 503) && bodies.every((body) => body === '');
    return ok ? { kind: 'served', detail: answers.map((answer) => answer.status).join(', ') } : { kind: 'failed', detail: answers.map((answer) => answer.text.slice(0, 60)).join(' | ') };
  }),

  webhookProbe('a captured Chatwoot delivery re-signed at another second', async (target) => {
    // Only Chatwoot can sign again; its retries carry the same body, which is what identifies the delivery.
    const body = JSON.stringify({ event: 'conversation_created', id: uniqueId('conv'), status: 'open' });
    const now = Math.floor(Date.now() / 1000);
    const first = await post(target, '/webhooks/chatwoot', body, chatwootHeaders(target, body, 'd', now));
    const second = await post(target, '/webhooks/chatwoot', body, chatwootHeaders(target, body, 'd', now - 1));
    const digest = createHash('sha256').update(body).digest('hex').slice(0, 8);
    return first.json?.status === 'accepted' && second.json?.status === 'duplicate'
      ? { kind: 'refused', detail: `body ${digest}: stored once` }
      : { kind: 'failed', detail: `answered ${first.status} ${first.json?.status}, ${second.status} ${second.json?.status}` };
  }),
];
