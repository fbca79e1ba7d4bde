import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type TestApi } from '../../testing/api-harness';
import { decodeGlobalId } from './global-id';
import { appWithEveryNode, listsByType, nodeTypeNamesOf } from '../../testing/schema/node.fixture';

type Outcome = 'FORBIDDEN' | 'null' | 'found';

const contains = (path: (data: Record<string, any>) => Array<{ id: string }>) => (data: Record<string, any>, id: string) => path(data).some((node) => node.id === id);
const lookup = (field: string, arg = 'id') => ({ query: `query ($id: ID!) { found: ${field}(${arg}: $id) { id } }`, variables: (id: string) => ({ id }), found: (data: Record<string, any>) => data.found !== null });

/**
 * Per Node type, the door a key reaches it through without `node`: its look-up by id, or the list
 * that holds it. `node(id)` must answer each key exactly as that door does.
 */
const ownDoors: Readonly<Record<string, { query: string; variables: (id: string) => object; found: (data: Record<string, any>, id: string) => boolean }>> = {
  Client: lookup('client'),
  Consultant: lookup('consultant'),
  Project: lookup('project'),
  TimeEntry: lookup('timeEntry'),
  Invoice: lookup('invoice'),
  Expense: lookup('expense'),
  Ticket: lookup('ticket'),
  Lead: lookup('lead'),
  Campaign: lookup('campaign'),
  Event: lookup('event'),
  WorkflowRun: lookup('workflowRun', 'runId'),
  Payment: {
    query: 'query ($invoiceId: ID!) { invoice(id: $invoiceId) { payments(first: 200) { nodes { id } } } }',
    variables: (id) => ({ invoiceId: decodeGlobalId(id)!.localId.split(' ')[0] }),
    found: (data, id) => data.invoice !== null && contains((d) => d.invoice.payments.nodes)(data, id),
  },
  ClientIdentity: { query: '{ clientIdentities(clientId: "c-1", first: 200) { nodes { id } } }', variables: () => ({}), found: contains((data) => data.clientIdentities.nodes) },
  ApiKey: { query: '{ apiKeys(first: 200) { nodes { id } } }', variables: () => ({}), found: contains((data) => data.apiKeys.nodes) },
  ParkedDelivery: { query: '{ parkedDeliveries(first: 200) { nodes { id } } }', variables: () => ({}), found: contains((data) => data.parkedDeliveries.nodes) },
};

describe('node(id) and the roles: no key reaches through node what its role cannot reach otherwise', () => {
  let api: TestApi;
  let viewer: string;
  const idsByType = new Map<string, string[]>();

  async function outcome(query: string, variables: object, key: string, found: (data: Record<string, any>) => boolean): Promise<Outcome> {
    const response = await api.graphql<Record<string, any>, object>(query, variables, { key });
    if (errorCodes(response).includes('FORBIDDEN')) return 'FORBIDDEN';
    if (response.body.errors) throw new Error(`${query}: ${JSON.stringify(response.body.errors)}`);
    return found(response.body.data!) ? 'found' : 'null';
  }

  const throughNode = (id: string, key: string) => outcome('query ($id: ID!) { node(id: $id) { id } }', { id }, key, (data) => data.node !== null);
  const throughOwnDoor = (type: string, id: string, key: string) => outcome(ownDoors[type]!.query, ownDoors[type]!.variables(id), key, (data) => ownDoors[type]!.found(data, id));

  beforeAll(async () => {
    api = await appWithEveryNode();
    viewer = (await api.keyWithRole('VIEWER')).secret;
    for (const [type, list] of Object.entries(listsByType)) {
      const { body } = await api.graphql<Record<string, any>, object>(list.query);
      idsByType.set(type, list.ids(body.data!));
    }
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('knows the own door of every Node type', async () => {
    expect(Object.keys(ownDoors).sort()).toEqual(await nodeTypeNamesOf(api));
  });

  it('answers a VIEWER through node exactly as through each type\'s own door, for every id an ADMIN sees', async () => {
    const seen = new Map<string, Set<Outcome>>();
    for (const [type, ids] of idsByType) {
      for (const id of ids) {
        const expected = await throughOwnDoor(type, id, viewer);
        expect(await throughNode(id, viewer), `${type} ${id}`).toBe(expected);
        seen.set(type, new Set([...(seen.get(type) ?? []), expected]));
      }
    }
    // The cases the fixture must cover: ADMIN-only types, platform events hidden, business data shown.
    expect(seen.get('ApiKey')).toEqual(new Set(['FORBIDDEN']));
    expect(seen.get('ParkedDelivery')).toEqual(new Set(['FORBIDDEN']));
    expect(seen.get('Event')).toEqual(new Set(['found', 'null']));
    expect(seen.get('Invoice')).toEqual(new Set(['found']));
  });

  it('gives an ADMIN every id through node, as through the own doors', async () => {
    for (const [type, ids] of idsByType) {
      for (const id of ids.slice(0, 20)) {
        expect(await throughOwnDoor(type, id, api.adminKey), `${type} ${id}`).toBe('found');
        expect(await throughNode(id, api.adminKey), `${type} ${id}`).toBe('found');
      }
    }
  });

  it('refuses a VIEWER nodes(ids) as a whole when one id is of an ADMIN-only type', async () => {
    const ids = [idsByType.get('Client')![0]!, idsByType.get('ApiKey')![0]!];
    expect(errorCodes(await api.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, { key: viewer }))).toEqual(['FORBIDDEN']);
  });
});
