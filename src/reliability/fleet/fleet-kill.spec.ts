import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { SeededRandom } from '../../demo/seeded-random';
import { processorNames } from '../../fleet/processor-leases';
import { FakeTools } from '../../testing/workflows/fake-tools';
import { appEnv, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { ingestProgress, linkClients, waitUntilSettled } from '../support/app-readiness';
import { deliverAll, type DeliveryTarget } from '../support/delivery-driver';
import { graphqlData } from '../support/graphql-call';
import { auditFacts, auditInbox } from '../support/ingest-audit';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels } from '../support/read-model-snapshot';
import { allProjections } from '../../projections';
import { reportRow } from '../support/reliability-row';
import { reliabilityScale, reliabilitySeed } from '../support/reliability-scale';
import { auditToolObjects, total } from '../workflows/tool-objects.audit';
import { chatwootTicketOpened } from '../workload/chatwoot-conversation.variants';
import { webhookWorkload } from '../workload/webhook-workload';
import type { PlannedDelivery, WorkloadClient } from '../workload/workload.types';
import { type FleetStores, leaseHolders, productionStores, sharedSqliteStores } from './fleet-topology';

// A tenth of the single-process scenarios' size: four processes share the same two cores.
const scale = Math.max(300, Math.round(reliabilityScale() / 10));
const seed = reliabilitySeed();
// Long enough that start-up and load on two shared cores do not stall a renewal past it.
const leaseTtlMs = 2_000;
const workerEntry = require.resolve('../support/worker-server.child.ts');
// Guards against a hang; never a performance claim.
const timeoutMs = 10 * 60_000;

const files = appFiles('zixly-fleet-');
const running: AppProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const app of running) await app.kill();
  for (const cleanup of cleanups) await cleanup();
  files.remove();
});

/** Bounded polling: `condition` must hold within `limitMs`; `explain` says what was seen instead. */
async function until(condition: () => Promise<boolean>, limitMs: number, what: string, explain: () => Promise<string> = async () => ''): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${limitMs} ms: ${await explain().catch(String)}\n${running.map((app) => app.tail(15)).join('\n---\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends alternately to each API replica; a request to a killed one fails and goes to the next. */
class Replicas implements DeliveryTarget {
  private sent = 0;
  constructor(readonly apis: readonly AppProcess[]) {}
  get url(): string {
    return this.apis[this.sent++ % this.apis.length]!.url;
  }
  whenUp(): Promise<void> {
    return Promise.resolve();
  }
}

/** A mutation on the next replica, tried on the others while one is down. */
async function mutate(replicas: Replicas, query: string, input: object): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await graphqlData(replicas.url, files.adminKey, query, { input });
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function runs(url: string, workflow: string): Promise<string> {
  const data = await graphqlData(url, files.adminKey, 'query ($workflow: String!) { workflowRuns(first: 100, workflow: $workflow) { nodes { runId status attempt lastError } } }', { workflow });
  return JSON.stringify(data.workflowRuns.nodes);
}

/** At least `count` runs of `workflow`, every one of them ended well (the workload's own tickets and clients run too). */
async function runsEnded(url: string, workflow: string, count: number): Promise<boolean> {
  const data = await graphqlData(url, files.adminKey, 'query ($workflow: String!) { workflowRuns(first: 100, workflow: $workflow) { nodes { status } } }', { workflow });
  const statuses: string[] = data.workflowRuns.nodes.map((run: { status: string }) => run.status);
  return statuses.length >= count && statuses.every((status) => status === 'SUCCEEDED' || status === 'SKIPPED');
}

async function audit(stores: FleetStores, acknowledged: Parameters<typeof auditInbox>[1], expected: Parameters<typeof auditFacts>[1]) {
  const events = await stores.events();
  const reads = await stores.reads();
  try {
    // What the webhook worker did not turn into facts, and why: named when a fact is missing.
    const unsettled = (await collect(events.readAll({ types: ['WebhookDeliveryParked', 'WebhookDeliveryFailed'] }))).map((event) => ({ type: event.type, ...(event.data as object) }));
    return {
      unsettled,
      inbox: await auditInbox(events, acknowledged),
      facts: await auditFacts(events, expected),
      diverging: divergingDocuments(await snapshotReadModels(reads, allProjections), await rebuiltFromLog(events, allProjections)),
    };
  } finally {
    await reads.close();
    await events.close();
  }
}

const topologies: Array<() => Promise<FleetStores | null>> = [async () => sharedSqliteStores(files.dataDir), productionStores];

describe.each(topologies.map((open, index) => ({ open, topology: index === 0 ? 'shared SQLite' : 'EventStoreDB double + MongoDB' })))('a fleet of 2 API replicas and 2 workers on $topology', ({ open }) => {
  it(`loses, duplicates and diverges nothing, and acts on each tool object once, when a lease holder and an API replica are SIGKILLed mid-load (${scale} deliveries)`, async ({ task, skip }) => {
    const stores = await open();
    if (!stores) {
      console.log('SKIPPED: the fleet scenario on the EventStoreDB double and MongoDB (set MONGODB_URL; .ci/run starts FerretDB when Go is present)');
      return skip();
    }
    cleanups.push(() => stores.close());
    // Given two workers sharing every lease, two API replicas, and the tools' fakes
    const tools = await FakeTools.start();
    cleanups.push(() => tools.close());
    const env = appEnv(files, { ...stores.env, ...tools.env(), LEASE_TTL_MS: String(leaseTtlMs), WORKFLOWS_ENABLED: 'true', WORKFLOW_RETRY_BASE_MS: '50', WORKFLOW_HTTP_TIMEOUT_MS: '2000' });
    const start = async (extra: Record<string, string>, entry?: string) => {
      const app = await AppProcess.start({ ...env, ...extra }, entry);
      running.push(app);
      return app;
    };
    const workers = [await start({ PROCESSORS: 'all', WORKER_PORT: '0' }, workerEntry), await start({ PROCESSORS: 'all', WORKER_PORT: '0' }, workerEntry)];
    const apis = [await start({ PROCESSORS: 'none' }), await start({ PROCESSORS: 'none' })];
    await until(async () => (await leaseHolders(stores)).size === processorNames().length, 30_000, 'the workers did not take every lease', async () => JSON.stringify([...(await leaseHolders(stores))]));
    const workload = webhookWorkload(scale, seed);
    await linkClients(apis[0]!.url, files.adminKey, workload.clients);
    const replicas = new Replicas(apis);

    // When the tools deliver while clients are onboarded (workflows call the tools), the lease holder
    // is SIGKILLed at a third of the load and an API replica at two thirds
    const random = new SeededRandom(seed);
    const clients: WorkloadClient[] = Array.from({ length: 4 }, (_, index) => ({ clientId: `client-fleet-${index}`, name: `Fleet Client ${index}`, domain: `fleet${index}.example`, chatwootContactId: String(800 + index), invoiceNinjaClientId: `fleet${index}` }));
    // Only these are news to the workflows: the workload's own clients and tickets arrive in
    // deliveries dated months back, which the workflows record but never act on (only facts of the
    // last WORKFLOW_MAX_FACT_AGE_HOURS are news — see src/workflows/engine/new-fact.rule.ts).
    const onboarded = clients.map((client) => ({ name: client.name, email: `owner@${client.domain}` }));
    // Two support conversations per client, dated now: the first right after its onboarding (its
    // triage needs the Plane project the onboarding run is creating), the second later in the load.
    const tickets = clients.flatMap((client, index) => [1, 2].map((number) => ({ client, subject: `Fleet ticket ${index}.${number}: printer on fire` })));
    const ticketUnits = tickets.map(({ client, subject }, index) => chatwootTicketOpened(90_000 + index, client, Math.floor(Date.now() / 1000), subject));
    let takeoverMs = Number.NaN;
    const kills: Promise<void>[] = [];
    /** SIGKILLs the worker holding the most leases; the other must then hold them all. */
    const killHolder = async () => {
      const held = [...(await leaseHolders(stores)).values()];
      const [victim, survivor] = held.filter((pid) => pid === workers[0]!.pid).length >= held.length / 2 ? [workers[0]!, workers[1]!] : [workers[1]!, workers[0]!];
      const killedAt = Date.now();
      await victim.kill();
      await until(async () => {
        const holders = await leaseHolders(stores);
        return holders.size === processorNames().length && [...holders.values()].every((pid) => pid === survivor.pid);
      }, 30_000, 'the surviving worker did not hold every lease', async () => `survivor ${survivor.pid}, victim ${victim.pid}: ${JSON.stringify([...(await leaseHolders(stores))])}`);
      takeoverMs = Date.now() - killedAt;
      await victim.restart();
    };
    const ticketsSent: PlannedDelivery[] = [];
    let ticketRequests = 0;
    const openTickets = async (units: typeof ticketUnits) => {
      const sent = await deliverAll(units.flatMap((unit) => unit.deliveries), replicas, { concurrency: 1, maxAttempts: 200 });
      expect(sent.refused).toEqual([]);
      ticketsSent.push(...sent.acknowledged);
      ticketRequests += sent.requestsSent;
    };
    const mutations = (async () => {
      for (const [index, client] of clients.entries()) {
        await mutate(replicas, 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }', { clientId: client.clientId, name: client.name, industry: 'Logistics', tier: 'PROFESSIONAL', contactEmail: `owner@${client.domain}` });
        await mutate(replicas, 'mutation ($input: ClientIdentityInput!) { linkClientIdentity(input: $input, waitForProjections: true) { status } }', { clientId: client.clientId, tool: 'CHATWOOT', externalId: client.chatwootContactId });
        await openTickets([ticketUnits[2 * index]!]);
        await new Promise((resolve) => setTimeout(resolve, random.int(100, 600)));
      }
      await openTickets(ticketUnits.filter((_, index) => index % 2 === 1));
    })();
    const drive = await deliverAll(workload.deliveries, replicas, {
      concurrency: 16,
      maxAttempts: 200,
      onAck: (count) => {
        if (count === Math.round(scale / 3)) kills.push(killHolder());
        if (count === Math.round((2 * scale) / 3)) kills.push(apis[0]!.kill().then(() => apis[0]!.restart()));
      },
    });
    await Promise.all([...kills, mutations]);
    await waitUntilSettled(() => apis[1]!.url, files.adminKey, timeoutMs);
    await until(() => runsEnded(apis[1]!.url, 'client-onboarding', onboarded.length), 120_000, 'onboarding runs did not all succeed', () => runs(apis[1]!.url, 'client-onboarding'));
    await until(() => runsEnded(apis[1]!.url, 'support-triage', tickets.length), 120_000, 'triage runs did not all end', async () => `${await runs(apis[1]!.url, 'support-triage')}; onboarding ${await runs(apis[1]!.url, 'client-onboarding')}; ${JSON.stringify(await ingestProgress(apis[1]!.url, files.adminKey))}`);
    const triage = JSON.parse(await runs(apis[1]!.url, 'support-triage')) as Array<{ status: string }>;
    for (const app of running.splice(0)) await app.stop();

    // Then, read from the stores the fleet leaves behind
    const { unsettled, inbox, facts, diverging } = await audit(stores, [...drive.acknowledged, ...ticketsSent], [...workload.facts, ...ticketUnits.flatMap((unit) => unit.facts)]);
    const subjects = tickets.map((ticket) => ticket.subject);
    const objects = auditToolObjects(tools, onboarded, subjects);
    const workItemsPerTicket = subjects.map((subject) => tools.plane.workItems.filter((item) => item.name.includes(subject)).length);
    console.log(`fleet on ${stores.name}: every lease held by the surviving worker ${takeoverMs} ms after the SIGKILL of the holder (LEASE_TTL_MS=${leaseTtlMs})`);
    reportRow(task, {
      scenario: `7. fleet on ${stores.name} (2 API + 2 workers, SIGKILL of the lease holder and of an API replica; takeover ${takeoverMs} ms)`,
      scale: `${scale} deliveries, ${onboarded.length} clients onboarded, ${tickets.length} tickets`,
      requestsSent: drive.requestsSent + ticketRequests,
      acknowledged: drive.acknowledged.length + ticketsSent.length,
      lost: inbox.lost.length + facts.missing.length + total(objects.missing),
      duplicated: inbox.duplicated + facts.duplicated + total(objects.duplicated),
      diverging: diverging.length,
    });
    expect(drive.refused).toEqual([]);
    expect(drive.acknowledged).toHaveLength(scale);
    expect(ticketsSent).toHaveLength(tickets.length);
    expect(triage.map((run) => run.status)).toEqual(tickets.map(() => 'SUCCEEDED'));
    expect(workItemsPerTicket).toEqual(tickets.map(() => 1));
    expect(inbox.lost).toEqual([]);
    expect(inbox.duplicated).toBe(0);
    expect(facts.missing, JSON.stringify(unsettled)).toEqual([]);
    expect(facts.duplicated).toBe(0);
    expect(diverging).toEqual([]);
    expect(objects.duplicated).toEqual(Object.fromEntries(Object.keys(objects.duplicated).map((kind) => [kind, 0])));
    expect(objects.missing).toEqual(Object.fromEntries(Object.keys(objects.missing).map((kind) => [kind, 0])));
  }, timeoutMs);
});
