import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorCodesOf, type GraphQLResult, graphqlCall } from '../support/graphql-call';
import { reportRow } from '../support/reliability-row';
import { aliasBomb, depthBomb, fragmentBomb, fragmentCycle } from './graphql-bombs';
import { HostileHarness } from './hostile-harness';
import { deeplyNested, invalidUtf8, pollutingKeys } from './hostile-payloads';
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

/** A raw POST /graphql with the admin key (the attacks here need no stronger position than a valid key). */
async function post(body: string | Buffer, contentType = 'application/json'): Promise<GraphQLResult & { text: string }> {
  return harness.hostile(async () => {
    const response = await fetch(`${harness.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${harness.api.adminKey}` },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const parsed = text.startsWith('{') ? (JSON.parse(text) as GraphQLResult) : {};
    return { ...parsed, status: response.status, text };
  });
}

const query = (source: string, variables: Record<string, unknown> = {}) => post(JSON.stringify({ query: source, variables }));

describe('hostile GraphQL requests', () => {
  it('refuses malformed JSON and bodies a browser form could send (CSRF) with 400', async () => {
    const operation = JSON.stringify({ query: '{ projections { nodes { name } } }' });
    expect((await post('{"query": "{ projections { nodes { name } } }"')).status).toBe(400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) expect((await post(operation, type)).status).toBe(400);
  });

  it('refuses a body, or variables, over 1 MiB with 413', async () => {
    expect((await post(JSON.stringify({ query: `{ projections { nodes { name } } } #${'x'.repeat(1024 * 1024)}` }))).status).toBe(413);
    expect((await query('query ($name: String!) { projection(name: $name) { name } }', { name: 'x'.repeat(1024 * 1024) })).status).toBe(413);
  });

  it('answers 400 to a body cut short and 408 to a body dripping a byte at a time', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${harness.api.adminKey}` };
    const body = Buffer.from(JSON.stringify({ query: '{ projections { nodes { name } } }' }));
    const cut = await harness.hostile(() => rawExchange(harness.url, { head: postHead('/graphql', { ...headers, 'content-length': body.length + 1_000 }), parts: [body], closeAfter: true, guardMs: 30_000 }));
    const drip = await harness.hostile(() => rawExchange(harness.url, { head: postHead('/graphql', { ...headers, 'content-length': body.length }), parts: [...body].map((byte) => Buffer.from([byte])), dripMs: 100, guardMs: 60_000 }));
    expect([cut.status, drip.status]).toEqual([400, 408]);
  });

  it('refuses a body that is not valid UTF-8 with 400', async () => {
    const answer = await post(invalidUtf8('{"query":"{ projections { nodes { name } } }","operationName":null,"extensions":{"x":"', '"}}'));
    expect(answer.status).toBe(400);
  });

  it('refuses deeply nested JSON in variables with 400', async () => {
    const answer = await post(`{"query":"query ($f: ClientFilter) { clients(filter: $f) { nodes { id } } }","variables":{"f":${deeplyNested(50_000, 'industry')}}}`);
    expect(answer.status).toBe(400);
  });

  it('treats __proto__ and constructor keys in the body and in variables as data, leaving Object.prototype untouched', async () => {
    const inBody = await post(`{${pollutingKeys},"query":"{ projections { nodes { name } } }"}`);
    const inVariables = await post(`{"query":"query ($f: ClientFilter) { clients(filter: $f) { nodes { id } } }","variables":{"f":{${pollutingKeys}}}}`);
    expect(inBody.status).toBe(200);
    expect(inVariables.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });

  it('refuses selections nested deeper than the schema, however deep, with 400', async () => {
    for (const levels of [20, 5_000]) expect((await query(depthBomb(levels))).status).toBe(400);
  });

  it('refuses an alias bomb while parsing it, before validation has to walk its fields', async () => {
    const answer = await query(aliasBomb(6_000));
    expect(answer.status).toBe(400);
    expect(errorCodesOf(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.errors?.[0]?.message).toMatch(/5000 tokens/);
  });

  it('refuses a fragment bomb (30 levels of doubling spreads) promptly instead of walking 2^30 spreads', async () => {
    const answer = await query(fragmentBomb(30));
    expect(answer.status).toBe(400);
  });

  it('refuses fragment cycles and batched requests with 400', async () => {
    expect((await query(fragmentCycle)).status).toBe(400);
    expect((await post(JSON.stringify([{ query: '{ projections { nodes { name } } }' }, { query: '{ projections { nodes { name } } }' }]))).status).toBe(400);
  });

  it('refuses enum and scalar values outside their types with 400, naming the input', async () => {
    const answers = [
      await query('mutation { createApiKey(name: "x", role: SUPERUSER) { keyId } }'),
      await query('query ($d: DateTime) { events(filter: { from: $d }) { nodes { id } } }', { d: 'yesterday' }),
      await query('query ($n: Int!) { events(first: $n) { nodes { id } } }', { n: 2 ** 40 }),
      await query('query ($p: BigInt) { events(filter: { from: null }, after: $p) { nodes { id } } }', { p: 'not-a-number' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
    expect(answers.flatMap(errorCodesOf).every((code) => code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });

  it('kept serving throughout, and every refused request left the store as it was', async ({ task }) => {
    const audit = await harness.audit();
    reportRow(task, harness.rowOf('5. hostile GraphQL requests', audit));
    expect(harness.failedHealthChecks).toBe(0);
    expect(audit).toMatchObject({ lost: [], duplicated: 0, diverging: [] });
  });
});
