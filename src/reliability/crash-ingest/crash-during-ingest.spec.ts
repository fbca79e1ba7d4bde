import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { appEnv, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { linkClients, waitUntilSettled } from '../support/app-readiness';
import { auditFacts, auditInbox } from '../support/ingest-audit';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels } from '../support/read-model-snapshot';
import { keptProjections } from '../../projections';

/** The read models the app keeps: it runs without workflows (`appEnv`). */
const kept = keptProjections({ enabled: false });
import { reportRow } from '../support/reliability-row';
import { reliabilityScale, reliabilitySeed } from '../support/reliability-scale';
import { SeededRandom } from '../../demo/seeded-random';
import { webhookWorkload } from '../workload/webhook-workload';
import { CrashSchedule } from './crash-schedule';
import { deliverAll } from '../support/delivery-driver';

const scale = reliabilityScale();
const seed = reliabilitySeed();
const crashes = 3;
// Guards against a hang, sized for 20,000 deliveries on two busy cores; never a performance claim.
const timeoutMs = Math.max(5 * 60_000, (20 * 60_000 * scale) / 20_000);

const files = appFiles('zixly-crash-ingest-');
let app: AppProcess | null = null;
afterAll(async () => {
  await app?.stop();
  files.remove();
});

async function offlineAudit(acknowledged: Parameters<typeof auditInbox>[1], expected: Parameters<typeof auditFacts>[1]) {
  const store = await openSqliteEventStore({ path: join(files.dataDir, 'events.sqlite') });
  const reads = await openSqliteReadStore({ path: join(files.dataDir, 'read-models.sqlite') });
  try {
    const inbox = await auditInbox(store, acknowledged);
    const facts = await auditFacts(store, expected);
    const diverging = divergingDocuments(await snapshotReadModels(reads, kept), await rebuiltFromLog(store, kept));
    return { inbox, facts, diverging };
  } finally {
    await reads.close();
    await store.close();
  }
}

describe('webhook ingest while the server is SIGKILLed', () => {
  it(`keeps every acknowledged delivery and fact exactly once, and read models equal to a rebuild (${scale} deliveries, ${crashes} kills)`, async ({ task }) => {
    // Given the product on the embedded store in a child process, with its clients linked
    const workload = webhookWorkload(scale, seed);
    app = await AppProcess.start(appEnv(files));
    await linkClients(app.url, files.adminKey, workload.clients);

    // When the tools deliver everything, retrying what was not acknowledged, while it is killed three times
    const schedule = CrashSchedule.spread(app, scale, crashes, new SeededRandom(seed));
    const drive = await deliverAll(workload.deliveries, schedule, { concurrency: 24, maxAttempts: 200, onAck: (count) => schedule.onAck(count) });
    await schedule.finished();
    const running = app;
    await waitUntilSettled(() => running.url, files.adminKey, timeoutMs);
    await app.stop();

    // Then, read from the files it left behind
    const { inbox, facts, diverging } = await offlineAudit(drive.acknowledged, workload.facts);
    reportRow(task, {
      scenario: '1. crash during ingest (3 × SIGKILL)',
      scale: `${scale} deliveries`,
      requestsSent: drive.requestsSent,
      acknowledged: drive.acknowledged.length,
      lost: inbox.lost.length + facts.missing.length,
      duplicated: inbox.duplicated + facts.duplicated,
      diverging: diverging.length,
    });
    expect(schedule.crashes).toHaveLength(crashes);
    expect(drive.refused).toEqual([]);
    expect(drive.acknowledged).toHaveLength(scale);
    expect(inbox.lost).toEqual([]);
    expect(inbox.duplicated).toBe(0);
    expect(inbox.unsettled).toEqual([]);
    expect(facts.missing).toEqual([]);
    expect(facts.unexpected).toEqual([]);
    expect(facts.duplicated).toBe(0);
    expect(diverging).toEqual([]);
  }, timeoutMs);
});
