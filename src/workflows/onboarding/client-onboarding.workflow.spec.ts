import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { checkpointKey } from '../engine/workflow-checkpoints';
import { completionOf } from '../../testing/workflows/crashing-event-store';
import { WorkflowHarness, type HarnessOptions } from '../../testing/workflows/workflow-harness';
import { clientOnboardingName } from './client-onboarding.workflow';

const acme = { clientId: 'c-acme', name: 'Acme Logistics', tier: 'PROFESSIONAL', industry: 'Logistics', contactEmail: 'ops@acme.test', currency: 'AUD' };
const onboard = { type: 'OnboardClient', data: acme } as const;
const isPost = (path: string) => (request: { method: string; path: string }) => request.method === 'POST' && request.path.endsWith(path);

let harness: WorkflowHarness;
afterEach(() => harness?.close());

async function onboarded(options: HarnessOptions = {}) {
  harness = await WorkflowHarness.open(options);
  const event = await harness.execute(onboard);
  await harness.settle();
  return { event, ...(await harness.runOf(event.id, clientOnboardingName)) };
}

describe('client onboarding workflow', () => {
  it('sets the client up in Plane, Nextcloud, Mautic and Invoice Ninja and records each step', async () => {
    const { run, steps } = await onboarded();
    const { plane, nextcloud, mautic, invoiceNinja } = harness.tools;
    expect(run).toMatchObject({ status: 'succeeded', manualMinutes: 120 });
    expect(plane.projects).toHaveLength(1);
    expect(plane.workItems.map((item) => item.name)).toContain('Integrations between up to five tools');
    expect(plane.workItems).toHaveLength(7);
    expect(nextcloud.folders()).toEqual(['Clients', 'Clients/Acme Logistics', ...['Contracts', 'Proposals', 'Deliverables', 'Reports'].map((folder) => `Clients/Acme Logistics/${folder}`)]);
    expect(mautic.contacts).toEqual([{ id: 101, email: 'ops@acme.test', company: 'Acme Logistics', dateModified: expect.any(String) }]);
    expect(mautic.emailStats).toEqual([{ emailId: '12', leadId: 101 }]);
    expect(invoiceNinja.invoices).toMatchObject([{ amount: 4_500, status_id: '2' }]);
    expect(steps['plane.project']).toMatchObject({ status: 'completed', externalId: plane.projects[0]!.id });
    expect(steps['invoiceninja.setup-invoice']).toMatchObject({ status: 'completed', externalId: invoiceNinja.invoices[0]!.id });
  });

  it('leaves the setup invoice to come back through ingest: it records no InvoiceIssued itself', async () => {
    await onboarded();
    expect(await collect(harness.store.readAll({ types: ['InvoiceIssued'] }))).toEqual([]);
  });

  it('creates nothing twice when a call times out after the tool acted', async () => {
    harness = await WorkflowHarness.open();
    const { plane, invoiceNinja, mautic } = harness.tools;
    plane.server.failNext({ kind: 'act-then-hang' }, isPost('/projects/'));
    plane.server.failNext({ kind: 'act-then-hang' }, isPost('/work-items/'));
    invoiceNinja.server.failNext({ kind: 'act-then-hang' }, isPost('/api/v1/invoices'));
    mautic.server.failNext({ kind: 'act-then-hang' }, isPost('/send'));
    const event = await harness.execute(onboard);
    await harness.settle();
    expect((await harness.runOf(event.id, clientOnboardingName)).run.status).toBe('succeeded');
    expect(plane.server.requestsOf('POST', '/projects/').filter((request) => !request.path.includes('work-items'))).toHaveLength(1);
    expect([plane.projects.length, plane.workItems.length, invoiceNinja.invoices.length, mautic.emailStats.length]).toEqual([1, 7, 1, 1]);
  });

  it('creates nothing twice when the worker dies between a call and its record', async () => {
    harness = await WorkflowHarness.open();
    const crashed = harness.store.crashBefore(completionOf('plane.project'));
    const event = await harness.execute(onboard);
    await crashed;
    await harness.restart();
    await harness.settle();
    expect((await harness.runOf(event.id, clientOnboardingName)).run.status).toBe('succeeded');
    expect(harness.tools.plane.projects).toHaveLength(1);
    expect(harness.tools.plane.workItems).toHaveLength(7);
  });

  it('does nothing again when the events are replayed from an earlier checkpoint or the read models are rebuilt', async () => {
    const { event } = await onboarded();
    const requestsBefore = harness.tools.plane.server.requests.length + harness.tools.invoiceNinja.server.requests.length;
    await harness.services.projections.rebuild('clients');
    await harness.reads.saveCheckpoint({ ...(await harness.reads.checkpoint(checkpointKey(clientOnboardingName)))!, position: null });
    await harness.restart();
    await harness.settle();
    expect(harness.tools.plane.server.requests.length + harness.tools.invoiceNinja.server.requests.length).toBe(requestsBefore);
    expect((await harness.runOf(event.id, clientOnboardingName)).run).toMatchObject({ status: 'succeeded', attempt: 1 });
  });

  it('waits as long as Retry-After asks after a 429, and retries a 500', async () => {
    harness = await WorkflowHarness.open();
    harness.tools.plane.server.failNext({ kind: 'respond', response: { status: 429, headers: { 'retry-after': '7' }, body: { detail: 'Request was throttled.' } } });
    harness.tools.invoiceNinja.server.failNext({ kind: 'respond', response: { status: 500, body: { message: 'Server Error' } } }, isPost('/api/v1/clients'));
    const event = await harness.execute(onboard);
    await harness.settle();
    expect((await harness.runOf(event.id, clientOnboardingName)).run.status).toBe('succeeded');
    expect(harness.retryWaits[0]).toBe(7_000);
    expect(harness.retryWaits).toHaveLength(2);
    expect(harness.tools.invoiceNinja.clients).toHaveLength(1);
  });

  it("fails the run at once on a 401, with the tool's message, and calls nothing after it", async () => {
    const { run, steps } = await onboarded({ env: { PLANE_API_KEY: 'revoked-key' } });
    expect(run).toMatchObject({ status: 'failed' });
    const failed = (await collect(harness.store.readAll({ types: ['WorkflowRunFailed'] })))[0]!;
    expect(failed.data).toMatchObject({ error: 'Step plane.project failed: Plane answered 401: Given API token is not valid', retryable: false });
    expect(harness.tools.plane.server.requests).toHaveLength(1);
    expect(harness.retryWaits).toEqual([]);
    expect(harness.tools.nextcloud.server.requests).toHaveLength(0);
    expect(steps['plane.project']).toMatchObject({ status: 'failed', ambiguous: false });
  });

  it('skips the steps of a tool that is not configured, naming what to set, and ends skipped', async () => {
    const { run, steps } = await onboarded({ unconfigured: ['mautic'] });
    expect(run.status).toBe('skipped');
    expect(steps['mautic.contact']).toEqual({ status: 'skipped', reason: 'Mautic is not configured (set MAUTIC_API_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD)' });
    expect(harness.tools.plane.projects).toHaveLength(1);
    expect(harness.tools.invoiceNinja.invoices).toHaveLength(1);
    const skipped = (await collect(harness.store.readAll({ types: ['WorkflowRunSkipped'] })))[0]!;
    expect(skipped.data).toMatchObject({ reason: 'mautic.contact: Mautic is not configured (set MAUTIC_API_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD)' });
  });

  it('runs a failed run again on retry, reusing the steps already done', async () => {
    harness = await WorkflowHarness.open();
    harness.tools.invoiceNinja.server.failNext({ kind: 'respond', response: { status: 403, body: { message: 'Invalid token' } } }, isPost('/api/v1/invoices'));
    const event = await harness.execute(onboard);
    await harness.settle();
    const { runId, run } = await harness.runOf(event.id, clientOnboardingName);
    expect(run.status).toBe('failed');
    await harness.execute({ type: 'RetryWorkflowRun', data: { runId } });
    await harness.settle();
    expect((await harness.runOf(event.id, clientOnboardingName)).run).toMatchObject({ status: 'succeeded', attempt: 2 });
    expect([harness.tools.plane.projects.length, harness.tools.invoiceNinja.clients.length, harness.tools.invoiceNinja.invoices.length]).toEqual([1, 1, 1]);
  });
});
