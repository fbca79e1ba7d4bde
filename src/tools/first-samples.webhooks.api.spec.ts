import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookTool } from '../ingest/delivery';
import { eventually, secretEnv, signedHeaders } from '../testing/ingest/ingest.fixtures';
import { TestApi } from '../testing/api-harness';
import { fixturePath } from '../testing/tools/fixture-deliveries';

type Settled = { status: string; ignoreReason: string | null };

/**
 * The first samples (`src/tools/<tool>/fixtures/<tool>.<event>.json`, from the product's first webhook
 * notes, each checked against the tool's source — see each tool's fixture README) sent through the
 * real routes, signed as each tool signs, into a world where Globex is a client linked in every
 * tool: what each becomes for the business, or the reason an operator sees it was ignored.
 */
describe('the first webhook samples through the real routes', () => {
  let api: TestApi;

  /** Posts a sample as its tool would (its own event headers kept) and waits until each delivery in it settled. */
  async function send(name: string): Promise<Settled[]> {
    const tool = name.slice(0, name.indexOf('.')) as WebhookTool;
    const { _headers = {}, _note, ...payload } = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Record<string, unknown>;
    const given = Object.fromEntries(Object.entries(_headers as Record<string, string>).map(([header, value]) => [header.toLowerCase(), value]));
    const body = JSON.stringify(payload);
    const headers = { ...(given['x-plane-event'] ? { 'x-plane-event': given['x-plane-event'] } : {}), ...signedHeaders(tool, body, { invoiceNinjaEvent: name.split('.')[1] }) };
    const response = await fetch(`${api.url}/webhooks/${tool}`, { method: 'POST', body, headers });
    if (tool === 'xero') {
      expect(response.status).toBe(200);
      return [];
    }
    expect(response.status).toBe(202);
    const { deliveries } = (await response.json()) as { deliveries: Array<{ deliveryId: string }> };
    const settled = await Promise.all(deliveries.map(({ deliveryId }) => settledDelivery(deliveryId)));
    await caughtUp();
    return settled;
  }

  async function settledDelivery(deliveryId: string): Promise<Settled> {
    return eventually(async () => {
      const found = (await api.app.services.readStore.getMany<{ _id: string; status: string; ignoreReason?: string | null }>('webhook_deliveries', [deliveryId])).get(deliveryId)?.document;
      return found && found.status !== 'received' && found.status !== 'failed' ? { status: found.status, ignoreReason: found.ignoreReason ?? null } : undefined;
    }, 10_000);
  }

  async function caughtUp(): Promise<void> {
    const head = await api.app.services.eventStore.headPosition();
    if (head !== null) await api.app.services.projections.waitFor(head, 10_000);
  }

  async function document<T>(collection: string, id: string): Promise<T | undefined> {
    return (await api.app.services.readStore.getMany<T & { _id: string }>(collection, [id])).get(id)?.document;
  }

  async function ok(query: string): Promise<void> {
    const { body } = await api.graphql<unknown, object>(query);
    expect(body.errors, query).toBeUndefined();
  }

  const processed: Settled = { status: 'processed', ignoreReason: null };
  const ignored = (reason: RegExp): Settled => ({ status: 'ignored', ignoreReason: expect.stringMatching(reason) as unknown as string });

  async function leadEvents(leadId: string): Promise<string[]> {
    const types: string[] = [];
    for await (const event of api.app.services.eventStore.readStream(`Lead-${leadId}`)) types.push(event.type);
    return types;
  }

  async function xeroDeliveries(): Promise<Settled[]> {
    const { documents } = await api.app.services.readStore.find<{ _id: string; status: string; ignoreReason?: string | null }>('webhook_deliveries', { filter: { tool: 'xero' } });
    return Promise.all(documents.map((found) => settledDelivery(found._id)));
  }

  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
    await ok(`mutation { onboardClient(input: { clientId: "client-globex", name: "Globex GmbH", tier: PROFESSIONAL, industry: "manufacturing", currency: "AUD" }) { status } }`);
    for (const [tool, externalId] of [['CHATWOOT', '42'], ['INVOICENINJA', 'VolejRejNm']]) {
      await ok(`mutation { linkClientIdentity(input: { clientId: "client-globex", tool: ${tool}, externalId: "${externalId}" }) { status } }`);
    }
    await ok(`mutation { registerConsultant(input: { consultantId: "invoiceninja:VolejRejNm", name: "Jane Roe", email: "jane@acme-agency.example", billRateCents: 10000, costRateCents: 6000, weeklyCapacityHours: 38 }) { status } }`);
    await ok(`mutation { startProject(input: { projectId: "invoiceninja:Wpmbk5ezJn", clientId: "client-globex", name: "Globex website relaunch", budgetHours: 120, budgetAmountCents: 1200000, startedOn: "2026-05-01", dueOn: "2026-07-31", tier: PROFESSIONAL }) { status } }`);
    await caughtUp();
  });
  afterAll(() => api?.stop());

  it('Chatwoot: a conversation opens a ticket, the agent reply is its first response, resolving closes it, the survey rates it', async () => {
    for (const name of ['chatwoot.conversation_created', 'chatwoot.message_created', 'chatwoot.conversation_status_changed', 'chatwoot.message_updated.csat']) {
      expect(await send(name), name).toEqual([processed]);
    }
    expect(await document('tickets', 'chatwoot:1:207')).toMatchObject({
      clientId: 'client-globex', channel: 'chat', openedAt: '2026-05-27T10:09:00.000Z', firstRespondedAt: '2026-05-27T10:23:20.114Z',
      status: 'resolved', resolvedAts: ['2026-05-28T10:10:00.870Z'], reopenCount: 0,
    });
    expect(await document('csat_ratings', 'chatwoot:1:207:chatwoot:1:csat:700')).toMatchObject({ ticketId: 'chatwoot:1:207', clientId: 'client-globex', score: 5 });
  });

  it('Chatwoot: a new contact is acknowledged and ignored with its reason', async () => {
    expect(await send('chatwoot.contact_created')).toEqual([ignored(/^chatwoot contact_created: not used/)]);
  });

  it('Invoice Ninja: clients and projects are ignored with their reasons; the sent invoice is issued, paid by the payment, and the task logs its hours', async () => {
    expect(await send('invoiceninja.create_client')).toEqual([ignored(/^invoiceninja create_client: clients are onboarded in Zixly/)]);
    expect(await send('invoiceninja.create_project')).toEqual([ignored(/^invoiceninja project_create: projects are started in Zixly/)]);
    expect(await send('invoiceninja.sent_invoice')).toEqual([processed]);
    expect(await document('invoices', 'invoiceninja:Opnel5aKBz')).toMatchObject({ clientId: 'client-globex', number: 'INV-0017', amountCents: 238_000, currency: 'EUR', issuedOn: '2026-05-27', dueOn: '2026-06-10', status: 'OPEN', balanceCents: 238_000 });
    expect(await send('invoiceninja.create_payment')).toEqual([processed]);
    expect(await document('invoices', 'invoiceninja:Opnel5aKBz')).toMatchObject({ status: 'PAID', paidCents: 238_000, balanceCents: 0, paidOn: '2026-06-02' });
    expect(await send('invoiceninja.update_task')).toEqual([processed]);
    expect(await document('time_entries', 'invoiceninja:Opnel5aKBz:1779890000')).toMatchObject({
      projectId: 'invoiceninja:Wpmbk5ezJn', clientId: 'client-globex', consultantId: 'invoiceninja:VolejRejNm', workDate: '2026-05-27', hours: 1.5, billable: true, billRateCents: 10_000,
    });
  });

  it('Mautic: a new contact is a lead, its form submission and email open are recorded, a points change is ignored with its reason', async () => {
    expect(await send('mautic.lead_post_save_new')).toEqual([processed]);
    expect(await document('leads', 'mautic:1187')).toMatchObject({ name: 'Jane Roe', email: 'jane@globex.example', company: 'Globex GmbH', status: 'open', stage: 'PROSPECT', capturedAt: '2026-05-27T10:00:03.000Z' });
    expect(await send('mautic.form_on_submit')).toEqual([processed]);
    // The form was submitted a second before the contact was saved: the lead dates from the submission
    expect(await document('leads', 'mautic:1187')).toMatchObject({ capturedAt: '2026-05-27T10:00:02.000Z' });
    expect(await send('mautic.email_on_open')).toEqual([processed]);
    expect(await leadEvents('mautic:1187')).toEqual(['LeadCaptured', 'LeadCaptureBackdated', 'LeadFormSubmitted', 'LeadEmailEngaged']);
    expect(await send('mautic.lead_points_change')).toEqual([ignored(/^mautic.lead_points_change: lead scoring is not part of the pipeline/)]);
  });

  it('Plane and Nextcloud: every sample is acknowledged and ignored with its reason', async () => {
    for (const [name, reason] of [
      ['plane.issue.created', /^plane issue.created: work items are not business facts/],
      ['plane.issue.updated.state', /^plane issue.updated: work items are not business facts/],
      ['plane.issue_comment.created', /^plane issue_comment.created: comments are not business facts/],
      ['plane.module.updated.status', /^plane module.updated: a module is a phase of a project/],
      ['plane.project.created', /^plane project.created: projects are started and completed in Zixly/],
      ['plane.v2.workitem.updated', /^plane workitem.updated: work items are not business facts/],
      ['nextcloud.NodeCreatedEvent', /^nextcloud NodeCreatedEvent: file activity has no business fact/],
      ['nextcloud.NodeRenamedEvent', /^nextcloud NodeRenamedEvent: file activity has no business fact/],
    ] as const) {
      expect(await send(name), name).toEqual([ignored(reason)]);
    }
  });

  it('Xero: the handshake stores nothing; each notification of a batch is stored and ignored with its reason (the product reads Xero only when its API is configured)', async () => {
    await send('xero.intent_to_receive');
    expect(await xeroDeliveries()).toEqual([]);
    await send('xero.events_batch');
    await send('xero.creditnote.create');
    const stored = await xeroDeliveries();
    expect(stored).toHaveLength(3);
    for (const delivery of stored) expect(delivery).toEqual(ignored(/^xero: notifications carry no data/));
  });
});
