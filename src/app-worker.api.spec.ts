import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusinessCommand } from './aggregates';
import { startApp, startWorker } from './app';
import { loadConfig } from './config';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-worker-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const configWith = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL', ...env });

const register: BusinessCommand = {
  type: 'RegisterConsultant',
  data: { consultantId: 'co-shared', name: 'Sam Shared', email: 'sam@example.com', weeklyCapacityHours: 30, costRateCents: 5_000, billRateCents: 15_000, currency: 'AUD' },
  occurredAt: '2026-03-02T00:00:00.000Z',
};

describe('zixly worker (startWorker)', () => {
  it('serves no HTTP at all unless WORKER_PORT is set', async () => {
    const worker = await startWorker(configWith({}));
    await worker.stop();

    expect(worker.url).toBeNull();
  });

  it('serves the probes and metrics on WORKER_PORT, but no API', async () => {
    const worker = await startWorker(configWith({ WORKER_PORT: '0' }));
    try {
      const statuses = await Promise.all(['/healthz', '/readyz', '/metrics', '/graphql', '/webhooks/plane'].map(async (path) => (await fetch(`${worker.url}${path}`)).status));

      expect(statuses).toEqual([200, 200, 200, 404, 404]);
    } finally {
      await worker.stop();
    }
  });

  it('keeps the read models of the same embedded store up to date while the API runs in another process', async () => {
    const api = await startApp(configWith({}));
    const worker = await startWorker(configWith({}));
    try {
      const { position } = await api.services.commands.execute(register, { actor: 'test' });

      expect(await worker.services.projections.waitFor(position!, 10_000)).toBe(true);
      expect((await worker.services.readStore.getMany('consultants', ['co-shared'])).has('co-shared')).toBe(true);
    } finally {
      await worker.stop();
      await api.stop();
    }
  });
});
