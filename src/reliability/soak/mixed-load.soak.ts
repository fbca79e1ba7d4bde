import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { appEnv, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { linkClients, waitUntilSettled } from '../support/app-readiness';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels } from '../support/read-model-snapshot';
import { keptProjections } from '../../projections';

/** The read models the app keeps: it runs without workflows (`appEnv`). */
const kept = keptProjections({ enabled: false });
import { auditInbox } from '../support/ingest-audit';
import { reportRow } from '../support/reliability-row';
import { reliabilitySeed } from '../support/reliability-scale';
import { workloadClients } from '../workload/webhook-workload';
import type { PlannedDelivery } from '../workload/workload.types';
import { dashboardLoad, type LoadTarget, mutationLoad, rebuildDuringLoad, webhookLoad } from './load-loops';
import { LoadTally } from './load-tally';
import { earlyAndLate, MemorySampler } from './memory-sampler';

const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const files = appFiles('zixly-soak-');
let app: AppProcess | null = null;
afterAll(async () => {
  await app?.stop();
  files.remove();
});

/** What the run left in the files: acknowledged deliveries stored once, read models equal to a rebuild. */
async function offlineAudit(acknowledged: readonly PlannedDelivery[]) {
  const store = await openSqliteEventStore({ path: join(files.dataDir, 'events.sqlite') });
  const reads = await openSqliteReadStore({ path: join(files.dataDir, 'read-models.sqlite') });
  try {
    return { inbox: await auditInbox(store, acknowledged), diverging: divergingDocuments(await snapshotReadModels(reads, kept), await rebuiltFromLog(store, kept)) };
  } finally {
    await reads.close();
    await store.close();
  }
}

describe(`${seconds} s of mixed load`, () => {
  it('keeps memory bounded, answers nothing but what the load asked for, and catches up with the log', async ({ task }) => {
    // Given the product in a child process, with its clients linked
    app = await AppProcess.start(appEnv(files));
    await linkClients(app.url, files.adminKey, workloadClients());
    const running = app;
    const memory = new MemorySampler(() => ({ pid: running.pid, url: running.url }));

    // When webhooks, mutations and dashboard queries run side by side, with one read model rebuilt half-way
    const target: LoadTarget = { url: app.url, key: files.adminKey, deadline: Date.now() + seconds * 1000 };
    const tallies = { webhooks: new LoadTally('webhooks'), mutations: new LoadTally('mutations'), dashboards: new LoadTally('dashboards'), rebuild: new LoadTally('rebuild') };
    const halfway = new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2)).then(() => rebuildDuringLoad(target, tallies.rebuild, 'invoices'));
    const acknowledged: PlannedDelivery[] = [];
    await Promise.all([webhookLoad(target, tallies.webhooks, 20, reliabilitySeed(), acknowledged), mutationLoad(target, tallies.mutations, 10), dashboardLoad(target, tallies.dashboards, 2), halfway]);
    const settled = await waitUntilSettled(() => running.url, files.adminKey, 300_000);
    await memory.stop();
    await app.stop();

    // Then
    const { inbox, diverging } = await offlineAudit(acknowledged);
    const all = Object.values(tallies);
    const [start, end] = [memory.rss[0] ?? 0, memory.rss.at(-1) ?? 0];
    const [rss, heap] = [earlyAndLate(memory.rss), earlyAndLate(memory.heap)];
    console.log(`soak ${seconds} s: RSS start ${start} MiB, end ${end} MiB, peak ${Math.max(...memory.rss)} MiB, median ${rss.early} → ${rss.late} MiB; JS heap used median ${heap.early} → ${heap.late} MiB`);
    console.log(all.map((tally) => `${tally.name}: ${tally.sent} sent, ${tally.succeeded} ok, ${tally.expectedRefusals} refused as asked (${JSON.stringify(Object.fromEntries(tally.expected))})`).join('\n'));
    reportRow(task, {
      scenario: `7. soak ${seconds} s, RSS ${start}→${end} MiB`,
      scale: 'webhooks 20/s, mutations 10/s, dashboards 2/s, 1 rebuild',
      requestsSent: all.reduce((sum, tally) => sum + tally.sent, 0),
      acknowledged: all.reduce((sum, tally) => sum + tally.succeeded, 0),
      lost: inbox.lost.length + all.reduce((sum, tally) => sum + tally.unexpected.length, 0),
      duplicated: inbox.duplicated,
      diverging: diverging.length,
    });
    expect(all.flatMap((tally) => tally.unexpected)).toEqual([]);
    expect(tallies.rebuild.succeeded).toBe(1);
    expect(settled).toMatchObject({ unprocessed: 0, behind: 0, parked: 0 });
    // Bounded: the heap's late median within 1.5 times its early one; RSS may add the SQLite caches filling (2 × 64 MiB).
    expect(heap.late).toBeLessThanOrEqual(heap.early * 1.5 + 16);
    expect(rss.late).toBeLessThanOrEqual(rss.early * 1.5 + 128);
    expect(inbox).toMatchObject({ lost: [], duplicated: 0, unsettled: [] });
    expect(diverging).toEqual([]);
  }, (seconds + 900) * 1000);
});
