import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { checkpointKey } from '../engine/workflow-checkpoints';
import { completionOf } from '../../testing/workflows/crashing-event-store';
import { WorkflowHarness, type HarnessOptions } from '../../testing/workflows/workflow-harness';
import { slaEscalationName } from './sla-escalation.workflow';
import { supportTriageName } from './support-triage.workflow';

/** Brisbane is UTC+10 all year. */
const brisbane = (local: string) => `${local}+10:00`;
const client = (tier: string) => ({ type: 'OnboardClient', data: { clientId: 'c-1', name: 'Acme', tier, industry: 'Retail', contactEmail: 'ops@acme.test', currency: 'AUD' } }) as const;
const openTicket = { type: 'OpenTicket', data: { ticketId: 't-1', clientId: 'c-1', channel: 'email', priority: 'HIGH', subject: 'Sync stopped overnight' } } as const;
const slackTexts = () => harness.tools.slack.messages.map((message) => message.text);
/** The weekly financial report posts to the same channel on Mondays: escalations are told apart. */
const escalations = () => slackTexts().filter((text) => text.startsWith(':rotating_light:'));

let harness: WorkflowHarness;
afterEach(() => harness?.close());

async function ticketFor(tier: string, openedAt: string, options: HarnessOptions = {}) {
  harness = await WorkflowHarness.open({ now: openedAt, ...options });
  await harness.execute(client(tier));
  await harness.settle();
  const ticket = await harness.execute(openTicket);
  await harness.settle();
  return ticket;
}

describe('support triage workflow', () => {
  it("files the ticket in the client's Plane project and posts it to Slack with the link", async () => {
    const ticket = await ticketFor('PROFESSIONAL', brisbane('2026-03-02T10:00:00'));
    const { run, steps } = await harness.runOf(ticket.id, supportTriageName);
    const project = harness.tools.plane.projects[0]!;
    const item = harness.tools.plane.workItems.find((candidate) => candidate.name === '[HIGH] Sync stopped overnight')!;
    expect(run).toMatchObject({ status: 'succeeded', manualMinutes: 10 });
    expect(item).toMatchObject({ project: project.id, priority: 'high', external_id: `${ticket.id}:plane.work-item` });
    expect(steps['plane.work-item']).toMatchObject({ status: 'completed', externalId: item.id });
    expect(slackTexts()).toEqual([
      `:ticket: New HIGH ticket from Acme (PROFESSIONAL) via email: *Sync stopped overnight*\nFirst response due by Mon 2 Mar 14:00.\n<https://plane.zixly.test/zixly/projects/${project.id}/issues/${item.id}|Open the work item in Plane>`,
    ]);
  });

  it("files the work item of a ticket opened while its client's onboarding run is still creating the Plane project", async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00') });
    // Plane creates the project but never answers: the onboarding run waits out its timeout and retries
    harness.tools.plane.server.failNext({ kind: 'act-then-hang' }, (request) => request.method === 'POST' && request.path.endsWith('/projects/'));
    await harness.execute(client('PROFESSIONAL'));
    const ticket = await harness.execute(openTicket);
    await harness.settle();
    const { run, steps } = await harness.runOf(ticket.id, supportTriageName);
    const project = harness.tools.plane.projects[0]!;
    expect(run.status).toBe('succeeded');
    expect(harness.tools.plane.workItems.filter((item) => item.name === '[HIGH] Sync stopped overnight')).toEqual([expect.objectContaining({ project: project.id })]);
    expect(steps['plane.work-item']).toMatchObject({ status: 'completed' });
  });

  it('fails the triage run, retryably, when the onboarding run it waits for outlasts the wait', async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00'), maxWaitMs: 50 });
    // Every project creation hangs: the onboarding run times out and retries for longer than the wait
    harness.tools.plane.server.failNext({ kind: 'act-then-hang' }, (request) => request.method === 'POST' && request.path.endsWith('/projects/'), 3);
    await harness.execute(client('PROFESSIONAL'));
    const ticket = await harness.execute(openTicket);
    await harness.settle();
    const failed = (await collect(harness.store.readAll({ types: ['WorkflowRunFailed'] }))).map((event) => event.data);
    expect(failed).toContainEqual(expect.objectContaining({ runId: (await harness.runOf(ticket.id, supportTriageName)).runId, error: 'NotReadyYet: Waiting for the onboarding run of client c-1 (under way)', retryable: true }));
    expect(harness.tools.plane.workItems.filter((item) => item.name.startsWith('[HIGH]'))).toEqual([]);
  });

  it('escalates in Slack once the tier SLA passes in business time without a first response', async () => {
    const ticket = await ticketFor('ENTERPRISE', brisbane('2026-03-02T10:00:00'));
    harness.clock.set(brisbane('2026-03-02T10:59:00'));
    await harness.tick();
    expect(escalations()).toHaveLength(0);
    harness.clock.set(brisbane('2026-03-02T11:00:00'));
    await harness.tick();
    await harness.tick();
    expect(escalations()).toHaveLength(1);
    expect(escalations()[0]).toMatch(/^:rotating_light: SLA breached: ticket \*Sync stopped overnight\* from Acme \(ENTERPRISE\) has no first response; it was due by Mon 2 Mar 11:00\./);
    expect((await harness.runOf(ticket.id, slaEscalationName)).run).toMatchObject({ status: 'succeeded', manualMinutes: 5 });
  });

  it('does not count the weekend: a Friday 16:30 ticket on a 4-hour SLA escalates on Monday at 12:30', async () => {
    await ticketFor('PROFESSIONAL', brisbane('2026-03-06T16:30:00'));
    harness.clock.set(brisbane('2026-03-09T12:29:00'));
    await harness.tick();
    expect(escalations()).toHaveLength(0);
    harness.clock.set(brisbane('2026-03-09T12:30:00'));
    await harness.tick();
    expect(escalations()).toHaveLength(1);
  });

  it('never escalates a ticket opened before a fresh deployment first started its workflows', async () => {
    // Given a ticket recorded while no workflow ran yet
    await ticketFor('ENTERPRISE', brisbane('2026-03-02T10:00:00'), { startEngine: false });
    // When the workflows start for the first time, and its SLA passes
    await harness.startEngine();
    harness.clock.set(brisbane('2026-03-02T12:00:00'));
    await harness.tick();
    // Then it is history: nothing is escalated
    expect(escalations()).toHaveLength(0);
  });

  it('after an upgrade, escalates the tickets the old SLA watcher was timing and no ticket it was not', async () => {
    // Given a store whose watcher kept its own timers (its checkpoint and wf_sla_timers): it timed t-1, not t-2
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00'), startEngine: false });
    await harness.execute(client('ENTERPRISE'));
    const timed = await harness.execute(openTicket);
    await harness.execute({ type: 'OpenTicket', data: { ...openTicket.data, ticketId: 't-2', subject: 'Opened before the old watcher started' } });
    await harness.reads.commit('wf_sla_timers', [{ id: timed.id, position: timed.position, document: { _id: timed.id, ticketId: 't-1', status: 'pending' } }], {
      projection: checkpointKey('support-sla-timers'), version: 1, collection: 'wf_sla_timers', position: timed.position, failure: null, updatedAt: '2026-03-02T00:00:00.000Z',
    });
    await harness.settle();
    // When the upgraded engine starts and both SLAs pass
    await harness.startEngine();
    harness.clock.set(brisbane('2026-03-02T11:00:00'));
    await harness.tick();
    await harness.tick();
    // Then the timer the old watcher kept is honoured from the rebuilt read model, and only that one
    expect(escalations()).toHaveLength(1);
    expect(escalations()[0]).toContain('Sync stopped overnight');
  });

  it('does not escalate a ticket answered in time', async () => {
    const ticket = await ticketFor('ENTERPRISE', brisbane('2026-03-02T10:00:00'));
    harness.clock.set(brisbane('2026-03-02T10:30:00'));
    await harness.execute({ type: 'RecordFirstResponse', data: { ticketId: 't-1', responderId: 'k-1' } });
    harness.clock.set(brisbane('2026-03-03T10:00:00'));
    await harness.tick();
    expect(escalations()).toHaveLength(0);
    expect((await harness.runOf(ticket.id, slaEscalationName)).run.status).toBe('none');
  });

  it('posts to Slack at most once: a post that timed out is not sent again on retry', async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00') });
    await harness.execute(client('STARTER'));
    await harness.settle();
    harness.tools.slack.server.failNext({ kind: 'act-then-hang' });
    const ticket = await harness.execute(openTicket);
    await harness.settle();
    const { runId, run, steps } = await harness.runOf(ticket.id, supportTriageName);
    expect(run.status).toBe('failed');
    expect(steps['slack.new-ticket']).toMatchObject({ status: 'failed', ambiguous: true });
    await harness.execute({ type: 'RetryWorkflowRun', data: { runId } });
    await harness.settle();
    expect((await harness.runOf(ticket.id, supportTriageName)).steps['slack.new-ticket']).toMatchObject({ status: 'completed', result: { delivery: 'unconfirmed' } });
    expect(harness.tools.slack.server.requests).toHaveLength(1);
  });

  it('does not post again when the worker dies after posting and before recording it', async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00') });
    await harness.execute(client('STARTER'));
    await harness.settle();
    const crashed = harness.store.crashBefore(completionOf('slack.new-ticket'));
    const ticket = await harness.execute(openTicket);
    await crashed;
    await harness.restart();
    await harness.settle();
    expect((await harness.runOf(ticket.id, supportTriageName)).run.status).toBe('succeeded');
    expect(harness.tools.slack.messages).toHaveLength(1);
    expect(harness.tools.plane.workItems.filter((item) => item.name.startsWith('[HIGH]'))).toHaveLength(1);
  });

  it("retries Slack's 429 after Retry-After and fails at once on 410 channel_is_archived", async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00') });
    await harness.execute(client('STARTER'));
    harness.tools.slack.server.failNext({ kind: 'respond', response: { status: 429, headers: { 'retry-after': '2' }, body: 'rate_limited' } });
    await harness.execute(openTicket);
    await harness.settle();
    expect([slackTexts().length, harness.retryWaits]).toEqual([1, [2_000]]);
    harness.tools.slack.server.failNext({ kind: 'respond', response: { status: 410, body: 'channel_is_archived' } });
    const second = await harness.execute({ ...openTicket, data: { ...openTicket.data, ticketId: 't-2' } });
    await harness.settle();
    const failed = (await collect(harness.store.readAll({ types: ['WorkflowRunFailed'] }))).map((event) => event.data);
    expect(failed).toEqual([expect.objectContaining({ runId: (await harness.runOf(second.id, supportTriageName)).runId, error: 'Step slack.new-ticket failed: Slack answered 410: channel_is_archived', retryable: false })]);
  });

  it('still posts a ticket of a client onboarded before the workflows started, skipping the Plane work item', async () => {
    harness = await WorkflowHarness.open({ now: brisbane('2026-03-02T10:00:00'), startEngine: false });
    await harness.execute(client('STARTER'));
    await harness.startEngine();
    const ticket = await harness.execute(openTicket);
    await harness.settle();
    const { run, steps } = await harness.runOf(ticket.id, supportTriageName);
    expect(harness.tools.plane.server.requests).toHaveLength(0);
    expect(steps['plane.work-item']).toMatchObject({ status: 'skipped' });
    expect(run.status).toBe('skipped');
    expect(slackTexts()[0]).toContain('No Plane work item (no client project).');
  });
});
