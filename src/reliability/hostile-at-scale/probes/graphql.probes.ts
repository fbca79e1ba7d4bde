import { aliased, apiKeyEventId, dashboard, day, expectRefusal, expectServed, freshKey, gql, leakIn, post } from '../api-probe-kit';
import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';

const probe = (name: string, run: (target: ProbeTarget) => Promise<ProbeOutcome>): Probe => ({ class: 'graphql', name, run });
/** Refused before it runs: too complex, or over the token limit (refused while parsing, before validation). */
const tooComplex = (target: ProbeTarget, query: string, variables: Record<string, unknown> = {}) =>
  gql(target, 'VIEWER', query, variables).then((answer) => expectRefusal(answer, ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED'], 400));
const badInput = (target: ProbeTarget, query: string, variables: Record<string, unknown> = {}) => gql(target, 'VIEWER', query, variables).then((answer) => expectRefusal(answer, ['BAD_USER_INPUT']));
/** A literal that is not a valid scalar fails validation; passed as a variable, it is bad user input. */
const badLiteral = (target: ProbeTarget, query: string) => gql(target, 'VIEWER', query).then((answer) => expectRefusal(answer, ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'], 400));
const forbidden = (target: ProbeTarget, role: 'VIEWER' | 'EDITOR', query: string) =>
  gql(target, role, query).then((answer) => expectRefusal(answer, ['FORBIDDEN'], undefined, leakIn(target, answer.text, role)));
const period = '{ from: "2024-01-01", to: "2025-01-01" }';

/** Priced by the work they cause: each is refused before it runs. */
const workBombs: Probe[] = [
  probe('1,000 aliased event(id) look-ups', (t) => tooComplex(t, aliased(1_000, (i) => `event(id: "00000000-0000-4000-8000-${String(i).padStart(12, '0')}") { id data }`))),
  probe('1,000 event(id) look-ups behind a fragment', (t) =>
    tooComplex(t, `{ ...L } fragment L on Query { ${aliased(1_000, (i) => `event(id: "id-${i}") { id }`).slice(1, -1)} }`)),
  probe('aliases of a dashboard over 40 distinct periods', (t) => tooComplex(t, aliased(40, (i) => dashboard(`{ from: "${day(i)}", to: "${day(i + 30)}" }`)))),
  probe('aliases of a dashboard over 10 distinct asOf instants', (t) => tooComplex(t, aliased(10, (i) => dashboard(period, `, asOf: "${day(i)}T00:00:00Z"`)))),
  probe('three distinct asOf instants through variables', (t) =>
    tooComplex(
      t,
      `query ($a: DateTime, $b: DateTime, $c: DateTime) { a: ${dashboard(period, ', asOf: $a')} b: ${dashboard(period, ', asOf: $b')} c: ${dashboard(period, ', asOf: $c')} }`,
      { a: '2024-02-01T00:00:00Z', b: '2024-03-01T00:00:00Z', c: '2024-04-01T00:00:00Z' },
    )),
  probe('20 aliased events pages with filters that scan', (t) => tooComplex(t, aliased(20, (i) => `events(first: 200, filter: { correlationId: "c-${i}" }) { nodes { id } }`))),
  probe('every dashboard KPI under 30 distinct periods via a fragment', (t) =>
    tooComplex(t, `{ ...D } fragment D on Query { ${aliased(30, (i) => `serviceDeliveryDashboard(period: { from: "${day(i)}", to: "${day(i + 7)}" }) { billableUtilisation { eventCount } }`).slice(1, -1)} }`)),
  probe('20,000 aliases of a cheap field', (t) => tooComplex(t, aliased(20_000, () => '__typename'))),
  probe('400 aliased event(id) look-ups, under the token limit', async (t) => {
    const answer = await gql(t, 'VIEWER', aliased(400, (i) => `event(id: "id-${i}") { id }`));
    return expectServed(answer, leakIn(t, answer.text, 'VIEWER'), '400 indexed look-ups');
  }),
  probe('a page of 100,000 events', (t) => gql(t, 'VIEWER', '{ events(first: 100000) { nodes { id } } }').then((answer) => expectRefusal(answer, ['QUERY_TOO_COMPLEX', 'BAD_USER_INPUT'], 400))),
  probe('a query 40 levels deep', (t) =>
    gql(t, 'VIEWER', `{ ${'projections { '.repeat(40)}name${' }'.repeat(40)} }`).then((answer) => expectRefusal(answer, ['QUERY_TOO_DEEP', 'GRAPHQL_VALIDATION_FAILED'], 400))),
];

/** Bounded work that is served: one page, one replay. */
const boundedWork: Probe[] = [
  probe('one events page whose filter scans the log', async (t) => {
    const answer = await gql(t, 'VIEWER', '{ events(first: 200, filter: { correlationId: "nobody", from: "2000-01-01T00:00:00Z" }) { nodes { id } pageInfo { hasNextPage endCursor } } }');
    return expectServed(answer, leakIn(t, answer.text, 'VIEWER'), 'a bounded scan, resumable from endCursor');
  }),
  probe('an asOf storm: 6 requests at once, each its own instant', async (t) => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => gql(t, 'VIEWER', `{ ${dashboard(period, `, asOf: "${day(i * 20)}T12:00:00Z"`)} }`)));
    const bad = answers.find((answer) => answer.status >= 500 || answer.codes.includes('INTERNAL_SERVER_ERROR') || (answer.codes.length > 0 && !answer.codes.some((code) => ['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'BAD_USER_INPUT'].includes(code))));
    if (bad) return { kind: 'failed', detail: `${bad.status} ${bad.codes.join(',')} ${bad.text.slice(0, 120)}` };
    return { kind: 'served', detail: `${answers.filter((answer) => answer.codes.length === 0).length} of 6 replays served, the rest refused cleanly` };
  }),
];

/** Bad cursors, periods and dates: BAD_USER_INPUT, never an internal error. */
const badInputs: Probe[] = [
  probe('events after a cursor that is not a position', (t) => badInput(t, '{ events(first: 5, after: "not-a-cursor") { nodes { id } } }')),
  probe('a stream page after a negative revision', (t) => badInput(t, '{ stream(name: "Client-1", first: 5, after: "-5") { nodes { id } } }')),
  probe('a dashboard period on 2026-02-31', (t) => badInput(t, `{ ${dashboard('{ from: "2026-02-31", to: "2026-03-31" }')} }`)),
  probe('a dashboard period ending before it starts', (t) => badInput(t, `{ ${dashboard('{ from: "2026-05-01", to: "2026-01-01" }')} }`)),
  probe('a dashboard period of 10 kB', (t) => badInput(t, `{ ${dashboard(`{ from: "${'9'.repeat(10_000)}", to: "2026-01-01" }`)} }`)),
  probe('asOf "yesterday"', (t) => badLiteral(t, `{ ${dashboard(period, ', asOf: "yesterday"')} }`)),
  probe('asOf "yesterday" as a variable', (t) => badInput(t, `query ($at: DateTime) { ${dashboard(period, ', asOf: $at')} }`, { at: 'yesterday' })),
  probe('an events filter from 9999-99-99', (t) => badLiteral(t, '{ events(first: 5, filter: { from: "9999-99-99T00:00:00Z" }) { nodes { id } } }')),
  probe('an events filter from 9999-99-99 as a variable', (t) => badInput(t, 'query ($f: EventFilterInput) { events(first: 5, filter: $f) { nodes { id } } }', { f: { from: '9999-99-99T00:00:00Z' } })),
  probe('an events page after a cursor of 200 digits', (t) => badInput(t, `{ events(first: 5, after: "${'9'.repeat(200)}") { nodes { id } } }`)),
  probe('node(id) of an id that is no global id', (t) => badInput(t, '{ node(id: "Client-1") { id } }')),
  probe('node(id) of a 10 kB id', (t) => badInput(t, 'query ($id: ID!) { node(id: $id) { id } }', { id: 'Q'.repeat(10_000) })),
  probe('nodes of 101 ids', (t) => badInput(t, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, (_, index) => Buffer.from(`Client:c-${index}`).toString('base64url')) })),
];

/** What a role may see. */
const visibility: Probe[] = [
  probe('a VIEWER pages through the whole log', async (t) => {
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const answer = await gql(t, 'VIEWER', 'query ($after: String) { events(first: 200, after: $after) { nodes { id stream type data } pageInfo { hasNextPage endCursor } } }', { after });
      const leak = leakIn(t, answer.text, 'VIEWER');
      if (leak || answer.codes.length > 0) return expectServed(answer, leak, 'the log');
      const info = (answer.data?.events as { pageInfo: { hasNextPage: boolean; endCursor: string | null } }).pageInfo;
      if (!info.hasNextPage) break;
      after = info.endCursor;
    }
    return { kind: 'served', detail: 'the log without platform streams' };
  }),
  probe('a VIEWER filters the log on category ApiKey', (t) => forbidden(t, 'VIEWER', '{ events(first: 50, filter: { categories: ["ApiKey"] }) { nodes { data } } }')),
  probe('a VIEWER filters the log on type ApiKeyCreated', async (t) => {
    const answer = await gql(t, 'VIEWER', '{ events(first: 50, filter: { types: ["ApiKeyCreated", "WebhookDeliveryReceived"] }) { nodes { stream data } } }');
    return expectServed(answer, leakIn(t, answer.text, 'VIEWER'), 'an empty page');
  }),
  probe('a VIEWER reads an ApiKey stream by name', async (t) => {
    const answer = await gql(t, 'ADMIN', '{ events(first: 1, filter: { types: ["ApiKeyCreated"] }) { nodes { stream } } }');
    const stream = (answer.data?.events as { nodes: Array<{ stream: string }> }).nodes[0]!.stream;
    return forbidden(t, 'VIEWER', `{ stream(name: "${stream}") { nodes { data } } }`);
  }),
  probe('a VIEWER reads raw webhook deliveries by stream', (t) => forbidden(t, 'VIEWER', '{ events(first: 50, filter: { categories: ["WebhookDelivery", "WebhookRejection"] }) { nodes { data } } }')),
  probe('a VIEWER looks up an ApiKeyCreated event by id', async (t) => {
    const id = await apiKeyEventId(t);
    const answer = await gql(t, 'VIEWER', `{ event(id: "${id}") { id data } }`);
    if (answer.data?.event) return { kind: 'leak', detail: 'the ApiKeyCreated event itself' };
    return expectServed(answer, leakIn(t, answer.text, 'VIEWER'), 'null');
  }),
  probe('an ADMIN reads every ApiKeyCreated event: no hash', async (t) => {
    const answer = await gql(t, 'ADMIN', '{ events(first: 200, filter: { categories: ["ApiKey"] }) { nodes { type data metadata } } }');
    return expectServed(answer, leakIn(t, answer.text, 'ADMIN'), 'API key events without their hash');
  }),
  probe('an EDITOR lists parked deliveries', (t) => forbidden(t, 'EDITOR', '{ parkedDeliveries { nodes { deliveryId } } }')),
  probe('a VIEWER creates an ADMIN key', (t) => forbidden(t, 'VIEWER', 'mutation { createApiKey(name: "mine", role: ADMIN) { secret } }')),
  probe('a VIEWER lists API keys', (t) => forbidden(t, 'VIEWER', '{ apiKeys { nodes { keyId name } } }')),
  probe('a VIEWER refetches an API key by its global id', (t) => forbidden(t, 'VIEWER', `{ node(id: "${Buffer.from('ApiKey:any').toString('base64url')}") { id } }`)),
];

const transport: Probe[] = [
  probe('a key past its rate: 600 cheap requests in waves of 100', async (t) => {
    const { secret } = await freshKey(t, 'VIEWER');
    const answers = [];
    for (let wave = 0; wave < 6; wave++) answers.push(...(await Promise.all(Array.from({ length: 100 }, () => post(t, secret, '{"query":"{ __typename }"}')))));
    const limited = answers.filter((answer) => answer.status === 429 && answer.codes.includes('RATE_LIMITED')).length;
    const other = answers.find((answer) => answer.status !== 200 && answer.status !== 429);
    if (other) return { kind: 'failed', detail: `${other.status} ${other.text.slice(0, 120)}` };
    return limited > 0 ? { kind: 'refused', detail: `${limited} of 600 answered 429 RATE_LIMITED` } : { kind: 'failed', detail: 'no request was rate limited' };
  }),
  probe('a batched request of 500 operations', (t) =>
    post(t, t.keys.VIEWER, JSON.stringify(Array.from({ length: 500 }, () => ({ query: '{ __typename }' })))).then((answer) => expectRefusal(answer, [], 400))),
  probe('a revoked key', async (t) => {
    const { keyId, secret } = await freshKey(t, 'VIEWER');
    await gql(t, 'ADMIN', `mutation { revokeApiKey(keyId: "${keyId}") { revokedAt } }`);
    return post(t, secret, '{"query":"{ __typename }"}').then((answer) => expectRefusal(answer, ['UNAUTHENTICATED'], 401));
  }),
];

export const probes: readonly Probe[] = [...workBombs, ...boundedWork, ...badInputs, ...visibility, ...transport];
