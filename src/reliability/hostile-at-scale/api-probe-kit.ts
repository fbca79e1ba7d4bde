import { createHash } from 'node:crypto';
import type { ProbeOutcome, ProbeTarget } from './probe';

export type RoleName = keyof ProbeTarget['keys'];

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly codes: readonly string[];
  readonly data: Record<string, unknown> | null;
}

const guardMs = 60_000;

/** One GraphQL request over HTTP with a role's key (`null`: no key). */
export async function gql(target: ProbeTarget, role: RoleName | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const key = role === null ? null : target.keys[role];
  return post(target, key, JSON.stringify({ query, variables }));
}

export async function post(target: ProbeTarget, key: string | null, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...headers },
    body,
    signal: AbortSignal.timeout(guardMs),
  });
  return answerOf(response);
}

export async function get(target: ProbeTarget, path: string, key: string | null = null, method = 'GET'): Promise<Answer> {
  const response = await fetch(`${target.url}${path}`, { method, headers: key === null ? {} : { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(guardMs) });
  return answerOf(response);
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } = {};
  try {
    if (text.startsWith('{')) parsed = JSON.parse(text);
  } catch {
    parsed = {};
  }
  return { status: response.status, text, codes: (parsed.errors ?? []).map((error) => String(error.extensions?.code)), data: parsed.data ?? null };
}

/** Something data past a role would show: a key hash of the run's keys, or a platform stream a VIEWER must not see. */
export function leakIn(target: ProbeTarget, text: string, role: RoleName): string | null {
  for (const secret of Object.values(target.keys)) {
    const hash = createHash('sha256').update(secret, 'utf8').digest('hex');
    if (text.includes(hash)) return 'an API key hash';
  }
  if (/"hash"\s*:\s*"[0-9a-f]{64}"/.test(text)) return 'a key hash field';
  if (role !== 'ADMIN') {
    const platform = /"(?:stream)"\s*:\s*"((?:ApiKey|WebhookDelivery|WebhookRejection|ClientIdentity|IdentityClaim|WorkflowSteps)-[^"]*)"/.exec(text);
    if (platform) return `platform stream ${platform[1]} to a ${role}`;
  }
  return null;
}

/**
 * Refused when the answer carries one of `codes` (and `status` when given); a leak when it shows
 * what the role must not see; failed otherwise (an internal error, or the work was done).
 */
export function expectRefusal(answer: Answer, codes: readonly string[], status?: number, leakCheck?: string | null): ProbeOutcome {
  if (leakCheck) return { kind: 'leak', detail: leakCheck };
  const detail = `${answer.status} ${answer.codes.join(',') || answer.text.slice(0, 120)}`;
  if (answer.codes.includes('INTERNAL_SERVER_ERROR') || answer.status >= 500) return { kind: 'failed', detail: `internal error: ${detail}` };
  const codeOk = codes.length === 0 || answer.codes.some((code) => codes.includes(code));
  const statusOk = status === undefined || answer.status === status;
  return codeOk && statusOk ? { kind: 'refused', detail } : { kind: 'failed', detail: `expected ${codes.join('|')}${status ? ` (${status})` : ''}, got ${detail}` };
}

/** Served when the answer has data and no error; a leak or failed otherwise. */
export function expectServed(answer: Answer, leakCheck: string | null, what: string): ProbeOutcome {
  if (leakCheck) return { kind: 'leak', detail: leakCheck };
  if (answer.status !== 200 || answer.codes.length > 0) return { kind: 'failed', detail: `${what}: ${answer.status} ${answer.codes.join(',') || answer.text.slice(0, 120)}` };
  return { kind: 'served', detail: what };
}

export const aliased = (count: number, field: (index: number) => string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join(' ')} }`;

export const day = (index: number) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10);

export const dashboard = (period: string, asOf = '') => `financialDashboard(period: ${period}${asOf}) { revenue { value { accrual { totalCents } } } mrr { value { mrrCents } } }`;

/** The id of the first ApiKeyCreated event, as an ADMIN reads it. */
export async function apiKeyEventId(target: ProbeTarget): Promise<string> {
  const answer = await gql(target, 'ADMIN', '{ events(first: 50, filter: { types: ["ApiKeyCreated"] }) { nodes { id } } }');
  const nodes = ((answer.data?.events as { nodes?: Array<{ id: string }> } | undefined)?.nodes ?? []);
  if (nodes.length === 0) throw new Error(`no ApiKeyCreated event found: ${answer.text.slice(0, 200)}`);
  return nodes[0]!.id;
}

/** A fresh key with a role, created by the run's ADMIN key. */
export async function freshKey(target: ProbeTarget, role: RoleName): Promise<{ keyId: string; secret: string }> {
  const answer = await gql(target, 'ADMIN', 'mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { keyId secret } }', { name: `probe ${role.toLowerCase()}`, role });
  const created = answer.data?.createApiKey as { keyId: string; secret: string } | undefined;
  if (!created) throw new Error(`createApiKey failed: ${answer.text.slice(0, 200)}`);
  return created;
}
