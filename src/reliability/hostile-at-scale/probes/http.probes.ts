import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rawExchange } from '../../../testing/raw-http';
import { type Answer, expectRefusal, get, leakIn, post } from '../api-probe-kit';
import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';

const probe = (name: string, run: (target: ProbeTarget) => Promise<ProbeOutcome>): Probe => ({ class: 'http', name, run });
const exportPath = '/export/events.ndjson';

/** Refused when the status is one of `statuses` and the body shows no metrics. */
function refusedWith(answer: Answer, statuses: readonly number[]): ProbeOutcome {
  if (answer.text.includes('# HELP') || answer.text.includes('# TYPE')) return { kind: 'leak', detail: `metrics served (${answer.status})` };
  if (answer.status >= 500) return { kind: 'failed', detail: `internal error ${answer.status}` };
  return statuses.includes(answer.status) ? { kind: 'refused', detail: String(answer.status) } : { kind: 'failed', detail: `expected ${statuses.join('|')}, got ${answer.status} ${answer.text.slice(0, 100)}` };
}

/** A raw request line no fetch would send as is (dot segments, odd methods). */
async function raw(target: ProbeTarget, head: string): Promise<Answer> {
  const answer = await rawExchange(target.url, { head, guardMs: 10_000 });
  return { status: answer.status ?? 0, text: answer.text, codes: [], data: null };
}
const line = (method: string, path: string, extra = '') => `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`;

const paths: Probe[] = [
  probe('GET /webhooks/%2e%2e/metrics', async (t) => refusedWith(await raw(t, line('GET', '/webhooks/%2e%2e/metrics')), [400, 401, 404, 405])),
  probe('POST /webhooks/%2E%2E/export/events.ndjson', async (t) => refusedWith(await raw(t, line('POST', '/webhooks/%2E%2E/export/events.ndjson', 'Content-Length: 0\r\n')), [400, 401, 404, 405])),
  probe('GET /graphql/..%2f..%2fmetrics', async (t) => refusedWith(await raw(t, line('GET', '/graphql/..%2f..%2fmetrics')), [400, 401, 404, 405])),
  probe('a request target no URL parser accepts (//)', async (t) => refusedWith(await raw(t, line('GET', '//')), [400])),
  probe('TRACE /graphql', async (t) => refusedWith(await raw(t, line('TRACE', '/graphql')), [400, 404, 405])),
  probe('HEAD /healthz', async (t) => {
    const answer = await raw(t, line('HEAD', '/healthz'));
    return answer.status === 200 ? { kind: 'served', detail: 'HEAD /healthz 200' } : { kind: 'failed', detail: `HEAD /healthz answered ${answer.status}` };
  }),
  probe('HEAD /readyz', async (t) => {
    const answer = await raw(t, line('HEAD', '/readyz'));
    return answer.status === 200 || answer.status === 503 ? { kind: 'served', detail: `HEAD /readyz ${answer.status}` } : { kind: 'failed', detail: `HEAD /readyz answered ${answer.status}` };
  }),
  probe('a 32 KiB header', async (t) => refusedWith(await raw(t, line('GET', '/healthz', `X-Pad: ${'p'.repeat(32 * 1024)}\r\n`)), [431, 400])),
];

const auth: Probe[] = [
  probe('/graphql without a key', async (t) => expectRefusal(await post(t, null, '{"query":"{ __typename }"}'), ['UNAUTHENTICATED'], 401)),
  probe('/graphql with Basic credentials', async (t) => expectRefusal(await post(t, null, '{"query":"{ __typename }"}', { authorization: 'Basic YWRtaW46YWRtaW4=' }), ['UNAUTHENTICATED'], 401)),
  probe('a 2 MiB GraphQL body', async (t) => expectRefusal(await post(t, t.keys.VIEWER, JSON.stringify({ query: `{ __typename } #${'x'.repeat(2 * 1024 * 1024)}` })), ['PAYLOAD_TOO_LARGE'], 413)),
  probe('GET /graphql without a CSRF header', async (t) => refusedWith(await get(t, '/graphql?query=%7B__typename%7D', t.keys.VIEWER), [400])),
  probe('the export without a key', async (t) => refusedWith(await get(t, exportPath), [401])),
];

const exportVisibility: Probe[] = [
  probe('a VIEWER exports the whole log', async (t) => {
    const answer = await get(t, exportPath, t.keys.VIEWER);
    const leak = leakIn(t, answer.text, 'VIEWER');
    if (leak) return { kind: 'leak', detail: leak };
    return answer.status === 200 ? { kind: 'served', detail: `${answer.text.split('\n').length - 1} lines, none of a platform stream` } : { kind: 'failed', detail: String(answer.status) };
  }),
  probe('a VIEWER exports ?categories=ApiKey', async (t) => refusedWith(await get(t, `${exportPath}?categories=ApiKey`, t.keys.VIEWER), [403])),
  probe('a VIEWER exports ?streams=WebhookDelivery-x', async (t) => refusedWith(await get(t, `${exportPath}?streams=WebhookDelivery-x`, t.keys.VIEWER), [403])),
  probe('an ADMIN exports the API key streams', async (t) => {
    const answer = await get(t, `${exportPath}?categories=ApiKey`, t.keys.ADMIN);
    const leak = leakIn(t, answer.text, 'ADMIN');
    if (leak) return { kind: 'leak', detail: leak };
    return answer.status === 200 && answer.text.includes('ApiKeyCreated') ? { kind: 'served', detail: 'key events without hashes' } : { kind: 'failed', detail: `${answer.status} ${answer.text.slice(0, 100)}` };
  }),
  probe('the export from a date that is not one', async (t) => refusedWith(await get(t, `${exportPath}?from=2026-02-31`, t.keys.VIEWER), [400])),
];

const files: Probe[] = [
  probe('the data directory and its files, as another user would find them', async (t) => {
    const open = [t.dataDir, ...readdirSync(t.dataDir).map((name) => join(t.dataDir, name))].filter((path) => (statSync(path).mode & 0o077) !== 0);
    return open.length === 0 ? { kind: 'refused', detail: 'owner-only (0700 / 0600)' } : { kind: 'leak', detail: `readable by others: ${open.map((path) => path.slice(t.dataDir.length) || '/').join(', ')}` };
  }),
];

export const probes: readonly Probe[] = [...paths, ...auth, ...exportVisibility, ...files];
