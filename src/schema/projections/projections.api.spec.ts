import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, TestApi } from '../../testing/api-harness';
import { ProcessorsDocument, ProjectionsDocument, RebuildProjectionDocument } from '../__generated__/operations';

describe('read models over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    const captured = await api.graphql('mutation { captureLead(input: { leadId: "lead-1", name: "Ada", source: WEBSITE }, waitForProjections: true) { position } }');
    expect(captured.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const leads = async () => (await api.graphql(ProjectionsDocument, {})).body.data!.projections.nodes.find((projection) => projection.name === 'leads')!;

  it('lists every projection with its position, state and lag', async () => {
    const { body } = await api.graphql(ProjectionsDocument, {});
    expect(body.data?.projections.nodes.map((projection) => projection.name)).toEqual(expect.arrayContaining(['leads', 'invoices', 'tickets']));
    expect(await leads()).toMatchObject({ state: 'LIVE', position: expect.stringMatching(/^\d+$/), rebuilding: false, failure: null, lag: { eventsBehind: 0 } });
  });

  it('starts a rebuild and answers at once; the rebuilt model ends where the live one was', async () => {
    const before = await leads();

    const started = await api.graphql(RebuildProjectionDocument, { name: 'leads' });
    expect(started.body.data?.rebuildProjection).toEqual({ name: 'leads', rebuilding: true });

    let current = await leads();
    for (let attempt = 0; attempt < 100 && current.rebuilding; attempt++) current = await leads();
    expect(current).toMatchObject({ rebuilding: false, rebuildError: null, position: before.position });
    const rebuilt = await api.app.services.readStore.getMany('leads', ['lead-1']);
    expect(rebuilt.get('lead-1')?.document).toMatchObject({ _id: 'lead-1', _events: 1 });
  });

  it('lists every processor — the projections and the reactors — with its kind, position, state and lag', async () => {
    const { body } = await api.graphql(ProcessorsDocument, {});
    const nodes = body.data!.processors.nodes;
    const byName = new Map(nodes.map((node) => [node.name, node]));
    expect(byName.get('leads')).toMatchObject({ kind: 'PROJECTION', state: 'LIVE', rebuildable: true, runsHere: true, lag: { eventsBehind: 0 } });
    expect(byName.get('webhook-worker')).toMatchObject({ kind: 'REACTOR', state: 'LIVE', rebuildable: false, handles: expect.arrayContaining(['WebhookDeliveryReceived']), lag: { eventsBehind: 0 } });
    expect(byName.get('api-key-index')).toMatchObject({ kind: 'REACTOR', state: 'LIVE', position: expect.stringMatching(/^\d+$/) });
    expect(byName.get('xero-notifications')).toMatchObject({ kind: 'REACTOR', state: 'LIVE' });
    expect(nodes.filter((node) => node.kind === 'PROJECTION').map((node) => node.name)).toEqual((await api.graphql(ProjectionsDocument, {})).body.data!.projections.nodes.map((node) => node.name));
  });

  it('keeps the SLA timers only where the workflows, their one reader, run: a ticket costs this process no timer', async () => {
    const opened = await api.given('Ticket-t-1', [{ type: 'TicketOpened', data: { ticketId: 't-1', clientId: 'c-1', channel: 'email', priority: 'MEDIUM', subject: 'Help', openedAt: '2026-03-01T09:00:00.000Z' } }]);
    expect(await api.app.services.projections.waitFor(opened)).toBe(true);

    const names = (await api.graphql(ProcessorsDocument, {})).body.data!.processors.nodes.map((node) => node.name);
    expect(names).toContain('tickets');
    expect(names).not.toContain('sla_timers');
    expect(await api.app.services.readStore.find('sla_timers', {})).toMatchObject({ documents: [] });

    const withWorkflows = await TestApi.start({ WORKFLOWS_ENABLED: 'true' });
    try {
      const nodes = (await withWorkflows.graphql(ProcessorsDocument, {})).body.data!.processors.nodes;
      expect(nodes.find((node) => node.name === 'sla_timers')).toMatchObject({ kind: 'PROJECTION', rebuildable: true });
    } finally {
      await withWorkflows.stop();
    }
  });

  it('answers NOT_FOUND for a projection it does not know', async () => {
    const response = await api.graphql(RebuildProjectionDocument, { name: 'nope' });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.body.errors?.[0]?.message).toBe('No projection named "nope"');
  });
});
