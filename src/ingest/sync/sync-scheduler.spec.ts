import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogs, configureLogger } from '../../logging/logger';
import { IdentitySnapshot } from '../identity/identity-lookup';
import { InvoiceNinjaFake } from '../../tools/invoiceninja/invoiceninja.fake';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { type SyncLog, SyncScheduler } from './sync-scheduler';
import { loadSyncConfig } from './sync.config';

describe('sync scheduler', () => {
  let fake: InvoiceNinjaFake;
  let harness: SyncHarness;
  let scheduler: SyncScheduler | null = null;
  const logged: Array<Parameters<SyncLog>[0]> = [];

  beforeEach(async () => {
    fake = await InvoiceNinjaFake.start({ token: 'in-token' });
    harness = await SyncHarness.open();
    logged.length = 0;
  });
  afterEach(async () => {
    await scheduler?.stop();
    await fake.server.close();
    await harness.close();
  });

  function start(env: Record<string, string>): SyncScheduler {
    const identities = () => IdentitySnapshot.of({ 'invoiceninja:VolejRejNm': 'client-globex' });
    scheduler = SyncScheduler.start(loadSyncConfig(env), { store: harness.store, commands: harness.commands, identities, log: (entry) => logged.push(entry) });
    return scheduler;
  }

  it('says at start which syncs are disabled and which variables they miss', () => {
    start({});
    expect(scheduler!.enabledTools).toEqual([]);
    expect(logged.map((entry) => entry.msg)).toEqual([
      'sync plane: disabled, missing PLANE_API_URL, PLANE_API_KEY, PLANE_WORKSPACE',
      'sync invoiceninja: disabled, missing INVOICENINJA_API_URL, INVOICENINJA_API_TOKEN',
      'sync xero: disabled, missing XERO_ACCESS_TOKEN, XERO_TENANT_ID',
      'sync chatwoot: disabled, missing CHATWOOT_API_URL, CHATWOOT_API_TOKEN, CHATWOOT_ACCOUNT_ID',
      'sync mautic: disabled, missing MAUTIC_API_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD',
    ]);
    expect(() => scheduler!.notifyXero([{ tenantId: 't', invoiceId: 'i', eventType: 'UPDATE', eventDateUtc: '2026-06-02T09:31:04.198Z' }])).not.toThrow();
  });

  it('logs through the process logger when given no log of its own, so LOG_LEVEL quiets it', () => {
    const capture = captureLogs('info');
    try {
      scheduler = SyncScheduler.start(loadSyncConfig({}), { store: harness.store, commands: harness.commands, identities: () => IdentitySnapshot.of({}) });
      const atInfo = capture.entries();
      capture.lines.length = 0;
      void scheduler.stop();
      configureLogger({ level: 'warn' });
      scheduler = SyncScheduler.start(loadSyncConfig({}), { store: harness.store, commands: harness.commands, identities: () => IdentitySnapshot.of({}) });

      expect(atInfo).toHaveLength(5);
      expect(atInfo[0]).toMatchObject({ level: 'info', component: 'sync', tool: 'plane', msg: expect.stringContaining('sync plane: disabled') });
      expect(capture.lines).toEqual([]);
    } finally {
      capture.restore();
    }
  });

  it('pulls nothing in a process with SYNC_ENABLED=false, credentials or not, and says so', async () => {
    // Given Invoice Ninja credentials, in a process told not to pull
    fake.addInvoice('InvA', 1_000);
    start({ INVOICENINJA_API_URL: fake.url, INVOICENINJA_API_TOKEN: 'in-token', SYNC_ENABLED: 'false' });

    // When a while passes
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Then no job runs, nothing is recorded, and the log says why
    expect(scheduler!.enabledTools).toEqual([]);
    expect(await harness.events('SyncRunSucceeded')).toEqual([]);
    expect(logged.map((entry) => entry.msg)).toEqual(['sync: off in this process (SYNC_ENABLED=false)']);
  });

  it('runs an enabled sync at once and records the run', async () => {
    fake.addInvoice('InvA', 1_000);
    start({ INVOICENINJA_API_URL: fake.url, INVOICENINJA_API_TOKEN: 'in-token', SYNC_INVOICENINJA_INTERVAL_SECONDS: '60' });
    expect(scheduler!.enabledTools).toEqual(['invoiceninja']);

    await until(async () => (await harness.events('SyncRunSucceeded')).length === 1);
    const [run] = await harness.events('SyncRunSucceeded');
    expect(run!.data).toMatchObject({ source: 'invoiceninja', records: 1, intervalSeconds: 60 });
    expect(logged.map((entry) => entry.msg)).toContain('sync invoiceninja: every 60 s');
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 300) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
