import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteLeaseStore } from '../adapters/sqlite/sqlite-lease-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from '../aggregates';
import { createCommandBus } from '../aggregates/command-bus';
import { startApp } from '../app';
import { loadConfig } from '../config';
import { runCliProcess } from '../testing/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-cli-projections-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const zixly = (...args: string[]) => runCliProcess(args, { env: { DATA_DIR: dataDir } });

const register = (consultantId: string): BusinessCommand => ({
  type: 'RegisterConsultant',
  data: { consultantId, name: `Consultant ${consultantId}`, email: `${consultantId}@example.com`, weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 18_000, currency: 'AUD' },
  occurredAt: '2026-03-02T00:00:00.000Z',
});

interface Row {
  name: string;
  state: string;
  position: string | null;
  eventsBehind: number;
}

async function listed(): Promise<Map<string, Row>> {
  const { stdout } = await zixly('projections', 'list', '--json');
  return new Map((JSON.parse(stdout) as Row[]).map((row) => [row.name, row]));
}

describe('zixly projections', () => {
  let caughtUpTo: bigint;
  beforeAll(async () => {
    const app = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL' }));
    const result = await app.services.commands.execute(register('co-1'), { actor: 'test' });
    caughtUpTo = result.position!;
    await app.services.projections.waitFor(caughtUpTo);
    await app.stop();
  });

  it('lists each projection with its status, position and lag', async () => {
    const rows = await listed();

    expect(rows.get('consultants')).toMatchObject({ state: 'up to date', position: String(caughtUpTo), eventsBehind: 0 });
    const table = await zixly('projections', 'list');
    expect(table.stdout).toMatch(new RegExp(`^consultants +\\d+ +up to date +${caughtUpTo} +0 *$`, 'm'));
  });

  it('lists every processor, projections and reactors, with its kind, status and position as the stores hold them', async () => {
    const { stdout } = await zixly('processors', 'list', '--json');
    const rows = new Map((JSON.parse(stdout) as Array<Row & { kind: string }>).map((row) => [row.name, row]));

    expect(rows.get('consultants')).toMatchObject({ kind: 'projection', state: 'up to date', position: String(caughtUpTo) });
    // The worker saved its checkpoint (under the key it always used) when the app stopped; the index lives in memory only.
    expect(rows.get('webhook-worker')).toMatchObject({ kind: 'reactor', state: 'up to date', eventsBehind: 0 });
    expect(rows.get('api-key-index')).toMatchObject({ kind: 'reactor', state: 'in memory', position: null });
    const table = await zixly('processors', 'list');
    expect(table.stdout).toMatch(/^webhook-worker +reactor +up to date /m);
  });

  it('shows a projection behind the log when events arrived while nothing ran it', async () => {
    const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    await createCommandBus<BusinessCommand>(store, commandRoutes).execute(register('co-2'), { actor: 'test' });
    await store.close();

    expect((await listed()).get('consultants')).toMatchObject({ state: 'behind', position: String(caughtUpTo), eventsBehind: 1 });
  });

  it('rebuilds a projection from the whole log, reporting on stderr, and leaves it up to date', async () => {
    const { code, stderr } = await zixly('projections', 'rebuild', 'consultants');

    expect(code).toBe(0);
    expect(stderr).toMatch(/^rebuilt consultants from 2 events in [\d.]+ s$/m);
    expect((await listed()).get('consultants')).toMatchObject({ state: 'up to date', eventsBehind: 0 });
    const reads = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
    const documents = await reads.getMany('consultants', ['co-1', 'co-2']);
    await reads.close();
    expect([...documents.keys()].sort()).toEqual(['co-1', 'co-2']);
  });

  it('holds the projection\'s lease while it rebuilds, and releases it after', async () => {
    await zixly('projections', 'rebuild', 'consultants');

    const leases = await openSqliteLeaseStore({ path: join(dataDir, 'leases.sqlite') });
    const grant = (await leases.list()).find((candidate) => candidate.name === 'projection:consultants');
    await leases.close();
    expect(grant?.holder).toMatch(/:cli-/);
    expect(grant!.expiresAt).toBeLessThan(Date.now());
  });

  it('hands the rebuild to the process holding the projection\'s lease instead of writing beside it', async () => {
    // Given a worker of a fleet holds the projection's lease
    const leases = await openSqliteLeaseStore({ path: join(dataDir, 'leases.sqlite') });
    const worker = await leases.tryAcquire('projection:consultants', 'worker-1:4242:abcd', 60_000);
    try {
      // When the CLI is asked to rebuild it
      const { code, stderr } = await zixly('projections', 'rebuild', 'consultants');

      // Then it asks the worker to (a request the worker's runner takes up) and writes nothing itself
      expect(code).toBe(0);
      expect(stderr).toMatch(/^rebuild consultants handed to worker-1:4242:abcd, which runs it/m);
      const reads = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
      const keys = (await reads.checkpoints()).map((checkpoint) => checkpoint.projection);
      await reads.deleteCheckpoint('consultants__rebuild_request');
      await reads.close();
      expect(keys).toContain('consultants__rebuild_request');
      expect(keys).not.toContain('consultants__rebuild');
    } finally {
      await leases.release(worker!);
      await leases.close();
    }
  });

  it('names the projections there are when asked to rebuild an unknown one, with exit code 2', async () => {
    const { code, stderr } = await zixly('projections', 'rebuild', 'consultant');

    expect(code).toBe(2);
    expect(stderr).toMatch(/^zixly: no projection named "consultant"; there are: .*\bconsultants\b/);
  });
});
