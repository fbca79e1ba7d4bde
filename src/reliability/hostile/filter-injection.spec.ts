import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';
import { errorCodesOf, graphqlCall, graphqlData } from '../support/graphql-call';
import { reportRow } from '../support/reliability-row';

let api: TestApi;
const clients = [
  { clientId: 'client-inj-1', name: 'Alpha Retail', industry: 'Retail', tier: 'STARTER' },
  { clientId: 'client-inj-2', name: 'Beta Legal', industry: 'Legal', tier: 'PROFESSIONAL' },
  { clientId: 'client-inj-3', name: 'Gamma Retail', industry: 'Retail', tier: 'ENTERPRISE' },
];
const tally = { requests: 0, answered: 0, leaked: 0 };

beforeAll(async () => {
  api = await TestApi.start();
  const onboard = 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input, waitForProjections: true) { status } }';
  for (const input of clients) await graphqlData(api.url, api.adminKey, onboard, { input });
});
afterAll(async () => {
  await api?.stop();
});

/** The ids a query returns (an empty list when it was refused), counting what leaked beyond `allowed`. */
async function idsOf(query: string, variables: Record<string, unknown>, pick: (data: any) => string[], allowed: readonly string[] = []): Promise<{ status: number; ids: string[]; codes: unknown[] }> {
  tally.requests++;
  const answer = await graphqlCall(api.url, api.adminKey, query, variables);
  const ids = answer.data ? pick(answer.data) : [];
  if (answer.status === 200 || answer.status === 400) tally.answered++;
  tally.leaked += ids.filter((id) => !allowed.includes(id)).length;
  return { status: answer.status, ids, codes: errorCodesOf(answer) };
}

const clientsWhere = (filter: unknown) => idsOf('query ($f: ClientFilter) { clients(filter: $f) { nodes { id: clientId } } }', { f: filter }, (data) => data.clients.nodes.map((node: { id: string }) => node.id));
const eventsWhere = (filter: unknown) => idsOf('query ($f: EventFilterInput) { events(filter: $f, first: 200) { nodes { id } } }', { f: filter }, (data) => data.events.nodes.map((node: { id: string }) => node.id));

describe('injection strings in filters', () => {
  it('finds what a plain filter value names, as the control', async () => {
    expect((await clientsWhere({ industry: 'Retail' })).ids.sort()).toEqual(['client-inj-1', 'client-inj-3']);
    tally.leaked = 0;
  });

  it.each(["' OR '1'='1", "Retail' --", '%', 'Retail%', '{"$gt":""}', '{"$ne":null}', '.*'])('matches the string %j literally: no client', async (value) => {
    expect(await clientsWhere({ industry: value })).toEqual({ status: 200, ids: [], codes: [] });
  });

  it.each([[{ $gt: '' }], [{ $ne: null }], [{ $regex: '.*' }], [['Retail', 'Legal']]])('refuses %j where a string is expected, with 400', async (value) => {
    expect(await clientsWhere({ industry: value })).toEqual({ status: 400, ids: [], codes: ['BAD_USER_INPUT'] });
  });

  it('matches injection strings in event types, categories and streams literally', async () => {
    for (const filter of [{ types: ["' OR 1=1 --"] }, { categories: ["Client' OR '1'='1"] }, { streams: ['Client-%'] }, { streams: ['Client-*'] }, { correlationId: "' OR ''='" }]) {
      expect(await eventsWhere(filter)).toEqual({ status: 200, ids: [], codes: [] });
    }
  });

  it('refuses a forged page cursor carrying an operator as bad input', async () => {
    const forged = Buffer.from(JSON.stringify({ k: ['name:1', '_id:1'], v: [{ $gt: '' }, ''] })).toString('base64url');
    const answer = await idsOf('query ($after: String) { clients(after: $after) { nodes { id: clientId } } }', { after: forged }, (data) => data.clients.nodes.map((node: { id: string }) => node.id));
    expect(answer).toEqual({ status: 200, ids: [], codes: ['BAD_USER_INPUT'] });
  });

  it('matches injection strings in the export\'s query string literally: no event', async () => {
    for (const query of ["types=' OR 1=1 --", 'categories=Client%', 'streams=Client-%25', 'correlationId=%27%20OR%20%27%27%3D%27']) {
      tally.requests++;
      const response = await fetch(`${api.url}/export/events.ndjson?${query}`, { headers: { authorization: `Bearer ${api.adminKey}` } });
      const lines = (await response.text()).split('\n').filter((line) => line.trim() !== '');
      if (response.status === 200) tally.answered++;
      tally.leaked += lines.length;
      expect({ status: response.status, lines }).toEqual({ status: 200, lines: [] });
    }
  });

  it('widened no answer', ({ task }) => {
    reportRow(task, { scenario: '5. injection strings in filters', scale: `${tally.requests} queries`, requestsSent: tally.requests, acknowledged: tally.answered, lost: 0, duplicated: 0, diverging: tally.leaked });
    expect(tally.leaked).toBe(0);
    expect(tally.answered).toBe(tally.requests);
  });
});
