import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { everyCommand, mutationFor } from '../../testing/schema/every-command.fixture';

type IntrospectedType = { name: string; fields: { name: string; type: TypeRef }[] | null };
type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };

const connections = ['clients', 'consultants', 'projects', 'timeEntries', 'invoices', 'expenses', 'tickets', 'leads', 'campaigns'] as const;

/** Each node's domain id field (its `id` is the opaque global id). */
const domainIdOf: Record<(typeof connections)[number], string> = {
  clients: 'clientId',
  consultants: 'consultantId',
  projects: 'projectId',
  timeEntries: 'entryId',
  invoices: 'invoiceId',
  expenses: 'expenseId',
  tickets: 'ticketId',
  leads: 'leadId',
  campaigns: 'campaignId',
};

function namedType(ref: TypeRef): TypeRef {
  return ref.ofType ? namedType(ref.ofType) : ref;
}

/** Every field of a node type, nested objects included, except its paged `history`. */
function selectionOf(typeName: string, types: Map<string, IntrospectedType>): string {
  const fields = types.get(typeName)!.fields!.filter((field) => field.name !== 'history');
  return fields
    .map((field) => {
      const named = namedType(field.type);
      if (named.kind !== 'OBJECT') return field.name;
      // A nested connection (an invoice's payments) is asked for a small page, as a client would.
      return `${field.name}${named.name!.endsWith('Connection') ? '(first: 2)' : ''} { ${selectionOf(named.name!, types)} }`;
    })
    .join(' ');
}

describe('entity types over a whole business history', () => {
  let api: ApiClient;
  let types: Map<string, IntrospectedType>;
  beforeAll(async () => {
    api = await ApiClient.start();
    for (const [index, row] of everyCommand.entries()) {
      const wait = index === everyCommand.length - 1 ? 'waitForProjections: true' : '';
      const response = await api.execute(mutationFor(row.type, 'status', wait), { input: row.input });
      if (response.errors) throw new Error(`${row.type}: ${JSON.stringify(response.errors)}`);
    }
    const introspection = await api.execute<{ __schema: { types: IntrospectedType[] } }>(
      '{ __schema { types { name fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    );
    types = new Map(introspection.data!.__schema.types.map((type) => [type.name, type]));
  });
  afterAll(() => api.stop());

  it.each(connections)('maps every field of each %s document, nulls where the schema allows them', async (connection) => {
    const queryField = types.get('Query')!.fields!.find((field) => field.name === connection)!;
    const connectionType = types.get(namedType(queryField.type).name!)!;
    const nodeType = namedType(connectionType.fields!.find((field) => field.name === 'nodes')!.type).name!;

    const response = await api.execute<Record<string, { nodes: { id: string; history: { nodes: unknown[] } }[] }>>(
      `{ ${connection}(first: 50) { nodes { ${selectionOf(nodeType, types)} history(first: 1) { nodes { type } } } } }`,
      {},
      'VIEWER',
    );

    expect(response.errors).toBeUndefined();
    const nodes = response.data![connection]!.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.history.nodes).toHaveLength(1);
  });

  it.each([
    ['consultants', '{ status: DEACTIVATED }', ['k-2']],
    ['projects', '{ clientId: "c-1", status: [ACTIVE, COMPLETED], tier: PROFESSIONAL }', ['p-1']],
    ['timeEntries', '{ projectId: "p-1", consultantId: "k-1", billable: true, workDate: { from: "2026-03-03", to: "2026-03-04" } }', ['e-1']],
    ['timeEntries', '{ workDate: { from: "2026-03-04" } }', []],
    ['invoices', '{ clientId: "c-1", kind: RECURRING }', ['i-2']],
    ['expenses', '{ category: OAUTH_SERVICES, projectId: "p-1", paid: true, incurredOn: { to: "2026-03-02" } }', ['x-1']],
    ['expenses', '{ paid: false }', []],
    ['tickets', '{ clientId: "c-1", priority: [HIGH, URGENT], channel: EMAIL, status: OPEN }', ['t-1']],
    ['tickets', '{ awaitingFirstResponse: true }', []],
    ['leads', '{ stage: [QUALIFIED, PROPOSAL, NEGOTIATION], source: EMAIL_CAMPAIGN, campaignId: "cmp-1", status: WON }', ['l-1']],
    ['leads', '{ status: OPEN, stage: PROSPECT }', ['l-2']],
    ['campaigns', '{ channel: EVENT, status: ENDED }', ['cmp-1']],
    ['campaigns', '{ status: ACTIVE }', []],
  ] as const)('filters %s by %s', async (connection, filter, ids) => {
    const response = await api.execute<Record<string, { nodes: { id: string }[] }>>(`{ ${connection}(filter: ${filter}) { nodes { id: ${domainIdOf[connection as (typeof connections)[number]]} } } }`, {}, 'VIEWER');

    expect(response.errors).toBeUndefined();
    expect(response.data![connection]!.nodes.map((node) => node.id)).toEqual(ids);
  });

  it('derives statuses from the documents', async () => {
    const response = await api.execute<Record<string, { nodes: { id: string; status: string }[] }>>(
      `{ clients { nodes { id: clientId status } } consultants { nodes { id: consultantId status } } projects(sort: NAME_ASC) { nodes { id: projectId status } }
         invoices(sort: ISSUED_ON_ASC) { nodes { id: invoiceId status } } tickets { nodes { id: ticketId status } } leads(sort: CAPTURED_AT_ASC) { nodes { id: leadId status } }
         campaigns { nodes { id: campaignId status } } }`,
      {},
      'VIEWER',
    );

    const statuses = Object.fromEntries(Object.entries(response.data!).map(([key, page]) => [key, page.nodes.map((node) => `${node.id}:${node.status}`)]));
    expect(statuses).toEqual({
      clients: ['c-1:ACTIVE'],
      consultants: ['k-1:ACTIVE', 'k-2:DEACTIVATED'],
      projects: ['p-1:COMPLETED', 'p-2:CANCELLED'],
      invoices: ['i-1:PAID', 'i-2:VOID', 'i-3:OPEN'],
      tickets: ['t-1:OPEN'],
      leads: ['l-1:WON', 'l-2:OPEN'],
      campaigns: ['cmp-1:ENDED'],
    });
  });
});
