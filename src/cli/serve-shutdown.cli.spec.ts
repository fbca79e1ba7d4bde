import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { consultantStream } from '../aggregates/consultant/consultant.decider';
import { collect } from '../core/event-store.port';
import { spawnCli } from '../testing/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const adminKey = `zx_${randomBytes(24).toString('base64url')}`;
const clients = 8;
const successesBeforeSigterm = 150;
const mutation = 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status events { id } } }';

interface Acknowledged {
  readonly consultantId: string;
  readonly eventId: string;
}

/** Resolves with the URL of the first log line whose message starts so. */
function loggedUrl(child: ChildProcess, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`zixly exited with ${code} before logging "${message}"`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string; msg?: string };
      if (entry.msg?.startsWith(message) && entry.url) resolve(entry.url);
    });
  });
}

const exitOf = (child: ChildProcess) => new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

/** One client sending mutations back to back until the server stops answering them. */
async function sendUntilRefused(url: string, client: number, acknowledged: Acknowledged[]): Promise<void> {
  for (let n = 0; ; n++) {
    const consultantId = `co-${client}-${n}`;
    const input = { consultantId, name: `Consultant ${consultantId}`, email: `${consultantId}@example.com`, weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 18_000 };
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query: mutation, variables: { input } }),
      });
      const body = (await response.json()) as { data?: { registerConsultant: { status: string; events: Array<{ id: string }> } } };
      if (response.status !== 200 || body.data?.registerConsultant.status !== 'APPENDED') return;
      acknowledged.push({ consultantId, eventId: body.data.registerConsultant.events[0]!.id });
    } catch {
      return;
    }
  }
}

describe('zixly serve on SIGTERM', () => {
  it('finishes the requests in flight, keeps every acknowledged write, and exits 0', async () => {
    const child = spawnCli(['serve'], { env: { DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', ZIXLY_ADMIN_KEY: adminKey, SQLITE_SYNCHRONOUS: 'NORMAL' } });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = exitOf(child);
    const url = await loggedUrl(child, 'Zixly Ops listening');

    const acknowledged: Acknowledged[] = [];
    const load = Promise.all(Array.from({ length: clients }, (_, client) => sendUntilRefused(url, client, acknowledged)));
    while (acknowledged.length < successesBeforeSigterm) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGTERM');
    await load;
    const exit = await exited;

    expect(exit, stderr).toEqual({ code: 0, signal: null });
    const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    const missing: Acknowledged[] = [];
    for (const write of acknowledged) {
      const stored = await collect(store.readStream(consultantStream(write.consultantId)));
      if (!stored.some((event) => event.id === write.eventId)) missing.push(write);
    }
    await store.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(successesBeforeSigterm);
    expect(missing).toEqual([]);
  }, 120_000);
});

describe('zixly worker on SIGTERM', () => {
  it('serves its probes on WORKER_PORT until stopped, then exits 0', async () => {
    const child = spawnCli(['worker'], { env: { DATA_DIR: dataDir, WORKER_PORT: '0', NODE_ENV: 'production', WORKFLOWS_ENABLED: 'false' } });
    const exited = exitOf(child);
    const url = await loggedUrl(child, 'Zixly Ops worker running');

    const ready = await fetch(`${url}/readyz`);
    child.kill('SIGTERM');

    expect(ready.status).toBe(200);
    expect(await exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});
