import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTools } from '../testing/workflows/fake-tools';
import { loadWorkflowConfig } from '../workflows/workflow.config';
import { createToolClients, type ToolClients } from './tool-clients';

let tools: FakeTools;
let clients: ToolClients;

beforeAll(async () => {
  tools = await FakeTools.start();
  clients = createToolClients(loadWorkflowConfig(tools.env()).tools, { timeoutMs: 1_000 });
});
afterAll(() => tools.close());

const newProject = (externalId: string, identifier: string) => ({ name: `Project ${externalId}`, identifier, description: '', externalId, externalSource: 'zixly-ops' });
const newItem = (externalId: string) => ({ name: 'Deliverable', descriptionHtml: '<p>x</p>', priority: 'low' as const, externalId, externalSource: 'zixly-ops' });

describe('tool clients against the fake tools', () => {
  it('finds a Plane project by its external id on a later page', async () => {
    for (const [index, identifier] of ['AAA', 'BBB', 'CCC'].entries()) await clients.plane!.createProject(newProject(`key-${index}`, identifier));
    const found = await clients.plane!.ensureProject(newProject('key-2', 'DDD'));
    expect(found).toMatchObject({ created: false, project: { identifier: 'CCC' } });
  });

  it("takes Plane's 409 for a taken external id as the existing work item", async () => {
    const project = tools.plane.projects[0]!;
    const first = await clients.plane!.ensureWorkItem(project.id, newItem('item-1'));
    tools.plane.server.failNext({ kind: 'respond', response: { status: 404, body: { error: 'The requested resource does not exist.' } } }, (request) => request.method === 'GET');
    const again = await clients.plane!.ensureWorkItem(project.id, newItem('item-1'));
    expect(again).toEqual({ workItem: expect.objectContaining({ id: first.workItem.id }), created: false });
    expect(tools.plane.workItems).toHaveLength(1);
  });

  it('creates a Nextcloud folder once, parents first, and reads 405 from MKCOL as "already there"', async () => {
    expect(await clients.nextcloud!.ensureFolder('Clients')).toBe('created');
    expect(await clients.nextcloud!.ensureFolder('Clients')).toBe('existing');
    tools.nextcloud.server.failNext({ kind: 'respond', response: { status: 404, body: '' } }, (request) => request.method === 'PROPFIND');
    expect(await clients.nextcloud!.ensureFolder('Clients')).toBe('existing');
    await expect(clients.nextcloud!.ensureFolder('Missing/Child')).rejects.toMatchObject({ status: 409, retryable: false });
  });

  it('finds a Mautic contact by email and sends the welcome email once', async () => {
    const { contact } = await clients.mautic!.ensureContact({ email: 'ops@acme.test', company: 'Acme' });
    expect(await clients.mautic!.ensureContact({ email: 'ops@acme.test', company: 'Acme' })).toEqual({ contact: expect.objectContaining({ id: contact.id }), created: false });
    expect(await clients.mautic!.ensureEmailSent('12', contact.id)).toBe('sent');
    expect(await clients.mautic!.ensureEmailSent('12', contact.id)).toBe('already_sent');
    expect(tools.mautic.emailStats).toHaveLength(1);
  });

  it('finds the Invoice Ninja client by id_number and the invoice by number, and emails a draft once', async () => {
    const { client } = await clients.invoiceninja!.ensureClient({ name: 'Acme', idNumber: 'evt-1:client', contactEmail: 'ops@acme.test' });
    expect((await clients.invoiceninja!.ensureClient({ name: 'Acme', idNumber: 'evt-1:client', contactEmail: null })).created).toBe(false);
    const invoice = { clientId: client.id, number: 'ZX-1', date: '2026-03-02', dueDate: '2026-03-16', lines: [{ productKey: 'Setup', notes: '', cost: 1_500, quantity: 1 }] };
    await clients.invoiceninja!.ensureInvoice(invoice);
    expect((await clients.invoiceninja!.ensureInvoice(invoice)).created).toBe(false);
    expect((await clients.invoiceninja!.ensureInvoiceEmailed('ZX-1')).emailed).toBe(true);
    expect((await clients.invoiceninja!.ensureInvoiceEmailed('ZX-1')).emailed).toBe(false);
    expect(tools.invoiceNinja.emailed).toEqual(['ZX-1']);
  });
});
