import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, secretEnv, signedHeaders } from '../ingest/ingest.fixtures';
import { TestApi } from '../api-harness';
import { everyCommand, mutationFor } from './every-command.fixture';

/**
 * An app holding one of every Node type: the business history of every command, a client
 * identity, a parked delivery (a Chatwoot conversation of a contact no client is linked to), and
 * the platform events these leave (API keys, the delivery, the workflows' step ledger).
 */
export async function appWithEveryNode(): Promise<TestApi> {
  const api = await TestApi.start({ ...secretEnv(), WEBHOOK_MAX_ATTEMPTS: '1' });
  for (const row of everyCommand) {
    const { body } = await api.graphql(mutationFor(row.type, 'status'), { input: row.input });
    if (body.errors) throw new Error(`${row.type}: ${JSON.stringify(body.errors)}`);
  }
  const linked = await api.graphql('mutation { linkClientIdentity(input: { clientId: "c-1", tool: XERO, externalId: "xero-c-1" }, waitForProjections: true) { status } }');
  if (linked.body.errors) throw new Error(JSON.stringify(linked.body.errors));
  const { _headers, _note, ...sample } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'tools', 'chatwoot', 'fixtures', 'chatwoot.conversation_created.json'), 'utf8'));
  const body = JSON.stringify(sample);
  const sent = await fetch(`${api.url}/webhooks/chatwoot`, { method: 'POST', body, headers: signedHeaders('chatwoot', body) });
  if (sent.status !== 202) throw new Error(`chatwoot delivery answered ${sent.status}`);
  await eventually(async () => {
    const { body: parked } = await api.graphql<{ parkedDeliveries: { nodes: unknown[] } }, object>('{ parkedDeliveries { nodes { deliveryId } } }');
    return parked.data?.parkedDeliveries.nodes.length ? true : undefined;
  });
  return api;
}

type Data = Record<string, any>;

/** Per Node type: a list that shows an ADMIN every id of that type in the fixture. */
export const listsByType: Readonly<Record<string, { query: string; ids: (data: Data) => string[] }>> = {
  Client: { query: '{ list: clients(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Consultant: { query: '{ list: consultants(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Project: { query: '{ list: projects(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  TimeEntry: { query: '{ list: timeEntries(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Invoice: { query: '{ list: invoices(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Payment: { query: '{ list: invoices(first: 20) { nodes { payments(first: 10) { nodes { id } } } } }', ids: (data) => data.list.nodes.flatMap((invoice: Data) => invoice.payments.nodes.map((node: Data) => node.id)) },
  Expense: { query: '{ list: expenses(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Ticket: { query: '{ list: tickets(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Lead: { query: '{ list: leads(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Campaign: { query: '{ list: campaigns(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  WorkflowRun: { query: '{ list: workflowRuns(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  Event: { query: '{ list: events(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  ClientIdentity: { query: '{ list: clientIdentities(clientId: "c-1") { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  ApiKey: { query: '{ list: apiKeys(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
  ParkedDelivery: { query: '{ list: parkedDeliveries(first: 200) { nodes { id } } }', ids: (data) => data.list.nodes.map((node: Data) => node.id) },
};

/** The names of every type that implements Node in the running schema. */
export async function nodeTypeNamesOf(api: TestApi): Promise<string[]> {
  const { body } = await api.graphql<{ __type: { possibleTypes: Array<{ name: string }> } }, object>('{ __type(name: "Node") { possibleTypes { name } } }');
  return body.data!.__type.possibleTypes.map((type) => type.name).sort();
}
