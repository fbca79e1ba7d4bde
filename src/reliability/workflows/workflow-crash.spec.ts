import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { FakeTools } from '../../testing/workflows/fake-tools';
import { appEnv, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { graphqlData } from '../support/graphql-call';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels } from '../support/read-model-snapshot';
import { allProjections } from '../../projections';
import { reportRow } from '../support/reliability-row';
import { killPoints, type KillPoint } from './kill-points';
import { auditToolObjects, total } from './tool-objects.audit';

const files = appFiles('zixly-workflow-crash-');
let tools: FakeTools | null = null;
let app: AppProcess | null = null;
afterAll(async () => {
  await app?.stop();
  await tools?.close();
  files.remove();
});

const clients: Array<{ clientId: string; name: string; email: string }> = [];
const tickets: string[] = [];

async function bringAbout(point: KillPoint, index: number): Promise<void> {
  const { url } = app!;
  if (point.trigger === 'onboarding') {
    const client = { clientId: `client-wf-${index}`, name: `Workflow Client ${index}`, email: `owner${index}@wf${index}.example` };
    clients.push(client);
    const input = { clientId: client.clientId, name: client.name, industry: 'Logistics', tier: 'PROFESSIONAL', contactEmail: client.email };
    await graphqlData(url, files.adminKey, 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }', { input });
    return;
  }
  const subject = `Printer on fire ${index}`;
  tickets.push(subject);
  const input = { ticketId: `ticket-wf-${index}`, clientId: clients[index % clients.length]!.clientId, channel: 'EMAIL', priority: 'HIGH', subject };
  await graphqlData(url, files.adminKey, 'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { status } }', { input });
}

/** Bounded polling: `condition` must hold within `timeoutMs`. */
async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms\n${app?.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function succeededRuns(workflow: string): Promise<number> {
  const data = await graphqlData(app!.url, files.adminKey, 'query ($workflow: String!) { workflowRuns(first: 100, workflow: $workflow, status: SUCCEEDED) { nodes { runId } } }', { workflow });
  return data.workflowRuns.nodes.length;
}

/** Kills the app right after the tool acted on the call, before the app could record it, and starts it again. */
async function killAfter(point: KillPoint, index: number): Promise<void> {
  const server = point.server(tools!);
  const seen = () => server.requests.filter(point.matches).length;
  const before = seen();
  server.failNext({ kind: 'act-then-hang' }, point.matches, 1);
  await bringAbout(point, index);
  await until(() => seen() > before, 60_000, `no ${point.name} call`);
  await app!.restart();
}

async function storedDivergence(): Promise<string[]> {
  const store = await openSqliteEventStore({ path: join(files.dataDir, 'events.sqlite') });
  const reads = await openSqliteReadStore({ path: join(files.dataDir, 'read-models.sqlite') });
  try {
    return divergingDocuments(await snapshotReadModels(reads, allProjections), await rebuiltFromLog(store, allProjections));
  } finally {
    await reads.close();
    await store.close();
  }
}

describe('workflows when the app is SIGKILLed between a call to a tool and its record', () => {
  it(`create each object in each tool once, across ${killPoints.length} kills, one after every kind of call`, async ({ task }) => {
    // Given the app with its workflows pointed at fake Plane, Nextcloud, Mautic, Invoice Ninja and Slack
    tools = await FakeTools.start();
    app = await AppProcess.start(appEnv(files, { WORKFLOWS_ENABLED: 'true', ...tools.env(), WORKFLOW_HTTP_TIMEOUT_MS: '2000', WORKFLOW_HTTP_MAX_ATTEMPTS: '3', WORKFLOW_RETRY_BASE_MS: '50' }));

    // When each kind of call is followed by a SIGKILL, onboarding clients first, then opening their tickets
    const onboarding = killPoints.filter((point) => point.trigger === 'onboarding');
    for (const [index, point] of onboarding.entries()) await killAfter(point, index);
    await until(async () => (await succeededRuns('client-onboarding')) === clients.length, 120_000, 'onboarding runs did not all succeed');
    for (const [index, point] of killPoints.filter((candidate) => candidate.trigger === 'ticket').entries()) await killAfter(point, index);
    await until(async () => (await succeededRuns('support-triage')) === tickets.length, 120_000, 'triage runs did not all succeed');
    await app.stop();

    // Then every tool holds each object once, and the read models equal a rebuild
    const audit = auditToolObjects(tools, clients, tickets);
    const diverging = await storedDivergence();
    const requests = [tools.plane, tools.nextcloud, tools.mautic, tools.invoiceNinja, tools.slack].reduce((sum, tool) => sum + tool.server.requests.length, 0);
    reportRow(task, {
      scenario: `4. workflow side effects (${killPoints.length} × SIGKILL)`,
      scale: `${clients.length} clients, ${tickets.length} tickets`,
      requestsSent: requests,
      acknowledged: total(audit.created),
      lost: total(audit.missing),
      duplicated: total(audit.duplicated),
      diverging: diverging.length,
    });
    expect(audit.duplicated).toEqual(Object.fromEntries(Object.keys(audit.duplicated).map((kind) => [kind, 0])));
    expect(audit.missing).toEqual(Object.fromEntries(Object.keys(audit.missing).map((kind) => [kind, 0])));
    expect(diverging).toEqual([]);
  }, 600_000);
});
