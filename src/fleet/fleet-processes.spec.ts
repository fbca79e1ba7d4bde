import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteLeaseStore } from '../adapters/sqlite/sqlite-lease-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { spawnCli } from '../testing/cli-process';
import { processorNames } from './processor-leases';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-fleet-'));
const adminKey = `zx_${randomBytes(24).toString('base64url')}`;
const leaseTtlMs = 1_000;
const env = { DATA_DIR: dataDir, PORT: '0', WORKER_PORT: '0', ZIXLY_ADMIN_KEY: adminKey, SQLITE_SYNCHRONOUS: 'NORMAL', LEASE_TTL_MS: String(leaseTtlMs), LOG_LEVEL: 'info' };
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `zixly <args>` and resolves with the URL of its first log line starting with `message`. */
function start(args: string[], message: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnCli(args, { env: { ...env, ...extraEnv } });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`zixly ${args.join(' ')} exited with ${code} before logging "${message}"`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string; msg?: string };
      if (entry.msg?.startsWith(message) && entry.url) resolve({ child, url: entry.url });
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

/** Who holds each lease that has not expired. */
async function liveHolders(): Promise<Map<string, string>> {
  const store = await openSqliteLeaseStore({ path: join(dataDir, 'leases.sqlite') });
  try {
    const now = Date.now();
    return new Map((await store.list()).filter((grant) => grant.expiresAt >= now).map((grant) => [grant.name, grant.holder]));
  } finally {
    await store.close();
  }
}

const holderPids = (holders: Map<string, string>) => new Set([...holders.values()].map((holder) => Number(holder.split(':')[1])));

describe('a fleet on one shared DATA_DIR: an API replica and two workers', () => {
  it('runs every processor in one worker, answers waitForProjections on the replica, and hands everything over when that worker is killed', async () => {
    // Given two workers (the first takes every lease) and an API replica without processors
    const first = await start(['worker', '--only', 'all'], 'Zixly Ops worker running');
    const second = await start(['worker', '--only', 'all'], 'Zixly Ops worker running');
    const api = await start(['serve', '--no-processors'], 'Zixly Ops listening');
    const holders = await liveHolders();
    expect([...holders.keys()].sort()).toEqual(processorNames().sort());
    expect(holderPids(holders)).toEqual(new Set([first.child.pid]));

    // When a mutation on the replica waits for the read models, then the holder is killed
    expect(await registerConsultant(api.url, 'co-1')).toEqual({ status: 'APPENDED', projectionsCaughtUp: true });
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    let takenOver = await liveHolders();
    while (!(takenOver.size === holders.size && holderPids(takenOver).has(second.child.pid!) && holderPids(takenOver).size === 1)) {
      if (Date.now() - killedAt > 30_000) throw new Error(`No takeover 30 s after SIGKILL: ${JSON.stringify([...takenOver])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      takenOver = await liveHolders();
    }
    console.log(`fleet takeover on SQLite: every lease held by the second worker ${Date.now() - killedAt} ms after SIGKILL (LEASE_TTL_MS=${leaseTtlMs})`);

    // Then the second worker carries on: the next mutation is projected, each consultant once
    expect(await registerConsultant(api.url, 'co-2')).toEqual({ status: 'APPENDED', projectionsCaughtUp: true });
    const reads = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
    const consultants = await reads.find('consultants', { sort: [['_id', 1]] });
    await reads.close();
    expect(consultants.documents.map((document) => document._id)).toEqual(['co-1', 'co-2']);
  }, 120_000);
});
