import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteReadStore } from './adapters/sqlite/sqlite-read-store';
import { type RunningApp, startApp } from './app';
import { loadConfig } from './config';
import { randomId } from './core/ids';
import { captureLogs } from './logging/logger';
import { scribble } from './testing/damage-files';

const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', correlationId: 'c', causationId: null, actor: 'test' };

describe('an app starting on damaged read models', () => {
  let dataDir = '';
  let app: RunningApp | null = null;
  const start = async () => (app = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL', LOG_LEVEL: 'info' })));
  afterEach(async () => {
    await app?.stop();
    app = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts on a fresh data dir, onboards `count` clients, waits for the read models, and stops. */
  async function clientsBuilt(count: number): Promise<void> {
    dataDir = mkdtempSync(join(tmpdir(), 'zixly-recovery-'));
    const running = await start();
    let last = 0n;
    for (let client = 0; client < count; client++) {
      const data = { clientId: `c-${client}`, name: `Client ${client} ${'x'.repeat(300)}` };
      last = (await running.services.eventStore.append(`Client-c-${client}`, [{ id: randomId(), type: 'ClientOnboarded', data, metadata }])).position;
    }
    expect(await running.services.projections.waitFor(last, 20_000)).toBe(true);
    await running.stop();
    app = null;
  }

  it('sets a malformed read-model file aside and rebuilds the read models from the log', async () => {
    await clientsBuilt(400);
    scribble(join(dataDir, 'read-models.sqlite'), 0.5, 16_384);
    const logs = captureLogs('info');

    const running = await start();
    const head = (await running.services.eventStore.headPosition())!;

    expect(existsSync(join(dataDir, 'read-models.sqlite.corrupt'))).toBe(true);
    expect(await running.services.projections.waitFor(head, 20_000)).toBe(true);
    const clients = await running.services.readStore.find('clients', { limit: 1_000 });
    expect(clients.documents).toHaveLength(400);
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    const rebuilt = () => logs.entries().some((entry) => /^read models rebuilt from the log \(\d+ events\) in [\d.]+ s$/.test(String(entry.msg)));
    while (!rebuilt()) await new Promise((resolve) => setTimeout(resolve, 50));
    logs.restore();
    expect(logs.entries().map((entry) => String(entry.msg))).toContainEqual(expect.stringMatching(/^read-model file .*read-models\.sqlite is .*: set aside as .*read-models\.sqlite\.corrupt; the read models are rebuilt from the log$/));
  });

  it('drops what an interrupted rebuild left behind', async () => {
    await clientsBuilt(3);
    const readStore = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
    await readStore.commit('clients__rebuild', [{ id: 'half', position: 1n, document: { _id: 'half' } }], {
      projection: 'clients__rebuild', version: 1, collection: 'clients__rebuild', position: 1n, failure: null, updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await readStore.close();

    const running = await start();

    expect(await running.services.readStore.listCollections()).not.toContain('clients__rebuild');
    expect(await running.services.readStore.checkpoint('clients__rebuild')).toBeNull();
  });
});
