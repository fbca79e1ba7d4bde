import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type TestApi } from '../../testing/api-harness';
import { toGlobalId } from './global-id';
import { appWithEveryNode, listsByType, nodeTypeNamesOf } from '../../testing/schema/node.fixture';

describe('node(id) and nodes(ids): Relay refetch by global id', () => {
  let api: TestApi;
  const idsByType = new Map<string, string[]>();

  beforeAll(async () => {
    api = await appWithEveryNode();
    for (const [type, list] of Object.entries(listsByType)) {
      const { body } = await api.graphql<Record<string, any>, object>(list.query);
      if (body.errors) throw new Error(`${type}: ${JSON.stringify(body.errors)}`);
      idsByType.set(type, list.ids(body.data!));
    }
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lists an id of every Node type in the fixture', async () => {
    expect(Object.keys(listsByType).sort()).toEqual(await nodeTypeNamesOf(api));
    for (const [type, ids] of idsByType) expect(ids.length, type).toBeGreaterThan(0);
  });

  it('gives every id unique across the whole API', () => {
    const all = [...idsByType.values()].flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('refetches every listed object by its id, as its own type', async () => {
    for (const [type, ids] of idsByType) {
      const { body } = await api.graphql<{ nodes: Array<{ __typename: string; id: string } | null> }, object>('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: ids.slice(0, 100) });
      expect(body.errors, type).toBeUndefined();
      expect(body.data!.nodes, type).toEqual(ids.slice(0, 100).map((id) => ({ __typename: type, id })));
    }
  });

  it('answers node(id) with what the type\'s own look-up answers, which takes the global id too', async () => {
    const id = idsByType.get('Invoice')![0]!;
    const fields = 'invoiceId number status balanceCents payments(first: 5) { nodes { id paymentId amountCents } }';
    const { body } = await api.graphql<{ node: object; invoice: object; byDomainId: object }, object>(
      `query ($id: ID!) { node(id: $id) { ... on Invoice { ${fields} } } invoice(id: $id) { ${fields} } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toEqual(body.data!.invoice);
    const domainId = (body.data!.invoice as { invoiceId: string }).invoiceId;
    const byDomain = await api.graphql<{ invoice: object }, object>(`query ($id: ID!) { invoice(id: $id) { ${fields} } }`, { id: domainId });
    expect(byDomain.body.data!.invoice).toEqual(body.data!.invoice);
  });

  it('keeps the domain id beside the global id, the one the mutations take', async () => {
    const { body } = await api.graphql<{ clients: { nodes: Array<{ id: string; clientId: string }> } }, object>('{ clients(first: 200) { nodes { id clientId } } }');
    for (const client of body.data!.clients.nodes) expect(client.id).toBe(toGlobalId('Client', client.clientId));
  });

  it('answers null for an entity that does not exist, and bad input for an id that is not a global id or names no Node type', async () => {
    const missing = await api.graphql<{ node: unknown }, object>('query ($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Invoice', 'no-such-invoice') });
    expect(missing.body).toEqual({ data: { node: null } });
    for (const id of ['i-1', 'not base64!', toGlobalId('Secret', 'x')]) {
      const bad = await api.graphql('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(errorCodes(bad), id).toEqual(['BAD_USER_INPUT']);
    }
    const wrongType = await api.graphql('query ($id: ID!) { client(id: $id) { id } }', { id: idsByType.get('Invoice')![0] });
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
    const tooMany = await api.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, (_, index) => toGlobalId('Client', `c-${index}`)) });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a cursor that is not one of a list\'s own as bad input, on the new connections too', async () => {
    for (const query of ['{ apiKeys(after: "bm9wZQ=") { nodes { id } } }', '{ projections(after: "%%") { nodes { name } } }', '{ workflowRuns(after: "forged") { nodes { id } } }', '{ clientIdentities(clientId: "c-1", after: "forged") { nodes { id } } }']) {
      expect(errorCodes(await api.graphql(query)), query).toEqual(['BAD_USER_INPUT']);
    }
  });
});
