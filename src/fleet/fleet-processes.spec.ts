import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openMongoLeaseStore } from '../adapters/mongodb/mongodb-lease-store';
import { openMongoReadStore } from '../adapters/mongodb/mongodb-read-store';
import { openSqliteLeaseStore } from '../adapters/sqlite/sqlite-lease-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { LeaseStore } from '../core/lease.port';
import type { ReadStore } from '../core/read-store.port';
import { spawnCli } from '../testing/cli-process';
import { type EventStoreDbDoubleProcess, spawnEventStoreDbDouble } from '../testing/eventstoredb-double-process';
import { mongoTestServer, mongoTestUrl } from '../testing/mongodb-test-database';
import { processorNames } from './processor-leases';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-fleet-'));
const adminKey = `zx_${randomBytes(24).toString('base64url')}`;
// Long enough that start-up on two shared cores does not stall a renewal past it.
const leaseTtlMs = 2_000;
const env = { DATA_DIR: dataDir, PORT: '0', WORKER_PORT: '0', ZIXLY_ADMIN_KEY: adminKey, SQLITE_SYNCHRONOUS: 'NORMAL', LEASE_TTL_MS: String(leaseTtlMs), LOG_LEVEL: 'info' };
const children: ChildProcess[] = [];
let double: EventStoreDbDoubleProcess | undefined;
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await double?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Where the fleet keeps its data: the environment of its processes and how the test opens the stores. */
interface Topology {
  readonly name: string;
  env(): Promise<Record<string, string>>;
  leases(): Promise<LeaseStore>;
  reads(): Promise<ReadStore>;
}

const sharedSqlite: Topology = {
  name: 'one shared DATA_DIR (SQLite)',
  env: async () => ({}),
  leases: () => openSqliteLeaseStore({ path: join(dataDir, 'leases.sqlite') }),
  reads: () => openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') }),
};

const mongoUrl = mongoTestServer ? mongoTestUrl('zixly_fleet') : '';
const productionStores: Topology = {
  name: 'the EventStoreDB double and MongoDB (FerretDB in CI)',
  env: async () => {
    double = await spawnEventStoreDbDouble();
    return { EVENTSTORE_URL: double.connectionString, MONGODB_URL: mongoUrl };
  },
  leases: () => openMongoLeaseStore({ url: mongoUrl }),
  reads: () => openMongoReadStore({ url: mongoUrl }),
};

if (!mongoTestServer) console.log('SKIPPED: the fleet on the EventStoreDB double and MongoDB (set MONGODB_URL, see README)');

/** Starts `zixly <args>` and resolves with the URL of its first log line starting with `message`. */
function start(args: string[], message: string, extraEnv: Record<string, string>): Promise<{ child: ChildProcess; url: string; logged: string[] }> {
  const child = spawnCli(args, { env: { ...env, ...extraEnv } });
  children.push(child);
  const logged: string[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`zixly ${args.join(' ')} exited with ${code} before logging "${message}"`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string; msg?: string };
      logged.push(entry.msg ?? '');
      if (entry.msg?.startsWith(message) && entry.url) resolve({ child, url: entry.url, logged });
    });
  });
}

async function registerConsultant(url: string, consultantId: string): Promise<{ status: string; projectionsCaughtUp: boolean }> {
  const input = { consultantId, name: `Consultant ${consultantId}`, email: `${consultantId}@example.com`, weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 18_000 };
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query: 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input, waitForProjections: true) { status projectionsCaughtUp } }', variables: { input } }),
  });
  const body = (await response.json()) as { data?: { registerConsultant: { status: string; projectionsCaughtUp: boolean } }; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.registerConsultant;
}

async function graphql(url: string, query: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Who holds each lease that has not expired. */
async function liveHolders(topology: Topology): Promise<Map<string, string>> {
  const store = await topology.leases();
  try {
    const now = Date.now();
    return new Map((await store.list()).filter((grant) => grant.expiresAt >= now).map((grant) => [grant.name, grant.holder]));
  } finally {
    await store.close();
  }
}

const holderPidList = (holders: Map<string, string>) => [...holders.values()].map((holder) => Number(holder.split(':')[1]));
const holderPids = (holders: Map<string, string>) => new Set(holderPidList(holders));

describe.each([sharedSqlite, ...(mongoTestServer ? [productionStores] : [])])('a fleet on $name: an API replica and two workers', (topology) => {
  it('runs every processor in one worker, answers waitForProjections on the replica, hands everything over when that worker is killed, and has it rebuild what the replica is asked to', async () => {
    // Given two workers sharing every lease and an API replica without processors
    const stores = await topology.env();
    const first = await start(['worker', '--only', 'all'], 'Zixly Ops worker running', stores);
    const second = await start(['worker', '--only', 'all'], 'Zixly Ops worker running', stores);
    const api = await start(['serve', '--no-processors'], 'Zixly Ops listening', stores);
    let holders = await liveHolders(topology);
    for (let waited = 0; holders.size < processorNames().length; waited += 50) {
      if (waited > 30_000) throw new Error(`Not every lease taken 30 s after start: ${JSON.stringify([...holders])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      holders = await liveHolders(topology);
    }
    expect([...holders.keys()].sort()).toEqual(processorNames().sort());
    // The worker holding most leases is the one killed (under load the other may have taken some).
    const pids = [...holderPidList(holders)];
    const [victim, survivor] = pids.filter((pid) => pid === first.child.pid).length >= pids.length / 2 ? [first, second] : [second, first];

    // When a mutation on the replica waits for the read models, then the holder is killed
    expect(await registerConsultant(api.url, 'co-1')).toEqual({ status: 'APPENDED', projectionsCaughtUp: true });
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    let takenOver = await liveHolders(topology);
    while (!(takenOver.size === holders.size && holderPids(takenOver).has(survivor.child.pid!) && holderPids(takenOver).size === 1)) {
      if (Date.now() - killedAt > 30_000) throw new Error(`No takeover 30 s after SIGKILL: ${JSON.stringify([...takenOver])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      takenOver = await liveHolders(topology);
    }
    console.log(`fleet takeover on ${topology.name}: every lease held by the surviving worker ${Date.now() - killedAt} ms after SIGKILL (LEASE_TTL_MS=${leaseTtlMs})`);

    // Then the surviving worker carries on: the next mutation is projected, each consultant once
    expect(await registerConsultant(api.url, 'co-2')).toEqual({ status: 'APPENDED', projectionsCaughtUp: true });
    const reads = await topology.reads();
    try {
      const consultants = await reads.find('consultants', { sort: [['_id', 1]] });
      expect(consultants.documents.map((document) => document._id)).toEqual(['co-1', 'co-2']);

      // And a rebuild asked of the replica, which runs no projection, is handed to the worker, which
      // takes the request up and removes it once the rebuilt read model is swapped in
      expect(await graphql(api.url, 'mutation { rebuildProjection(name: "consultants") { name } }')).toEqual({ rebuildProjection: { name: 'consultants' } });
      const keys = async () => (await reads.checkpoints()).map((checkpoint) => checkpoint.projection);
      const rebuilt = () => survivor.logged.includes('projection consultants rebuilt, as another process asked');
      for (let waited = 0; !rebuilt() || (await keys()).some((key) => key.startsWith('consultants__')); waited += 50) {
        if (waited > 30_000) throw new Error(`The rebuild was not taken up within 30 s: ${JSON.stringify(await keys())}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await reads.find('consultants', { sort: [['_id', 1]] })).documents.map((document) => document._id)).toEqual(['co-1', 'co-2']);
    } finally {
      await reads.close();
    }
  }, 120_000);
});
