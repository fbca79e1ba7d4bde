import { afterAll, describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../core/business-time';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { type DeliveryTarget, deliverAll } from '../support/delivery-driver';
import { linkClients, waitUntilSettled } from '../support/app-readiness';
import { businessFacts } from '../support/domain-events';
import { auditFacts } from '../support/ingest-audit';
import { kpiAnswers, workloadPeriod } from '../support/kpi-answers';
import { snapshotReadModels } from '../support/read-model-snapshot';
import { keptProjections } from '../../projections';
import { reportRow } from '../support/reliability-row';
import { reliabilityScale, reliabilitySeed } from '../support/reliability-scale';
import { SeededRandom } from '../../demo/seeded-random';
import { sendDelivery, type SendOutcome } from '../support/webhook-sender';
import { webhookWorkload } from '../workload/webhook-workload';
import { withoutBookkeeping } from './bookkeeping';
import { differences, type RunResult } from './arrival-order';

const size = Math.round(reliabilityScale() / 4);
const seed = reliabilitySeed() + 2;
const copies = 3;
const timeoutMs = Math.max(5 * 60_000, size * 100);
const workload = webhookWorkload(size, seed);

const apis: TestApi[] = [];
afterAll(async () => {
  for (const api of apis) await api.stop();
});

async function productWithClients(): Promise<TestApi> {
  const api = await TestApi.start({ ...secretEnv(), WEBHOOK_RETRY_BASE_MS: '200' });
  apis.push(api);
  await linkClients(api.url, api.adminKey, workload.clients);
  return api;
}

const fixedTarget = (url: string): DeliveryTarget => ({ url, whenUp: () => Promise.resolve() });

async function runResult(api: TestApi): Promise<RunResult> {
  const { config, eventStore, readStore } = api.app.services;
  return { facts: await businessFacts(eventStore), documents: withoutBookkeeping(await snapshotReadModels(readStore, keptProjections(config.workflows))), kpis: await kpiAnswers(api.url, api.adminKey) };
}

describe('webhooks delivered three times, concurrently and shuffled', () => {
  it(`give the same facts, read models and KPIs as one in-order delivery (${size} deliveries × ${copies})`, async ({ task }) => {
    // Given one instance fed each delivery once, in order
    const single = await productWithClients();
    for (const planned of workload.deliveries) expect((await sendDelivery(single.url, planned)).kind).toBe('acked');
    await waitUntilSettled(() => single.url, single.adminKey, timeoutMs);

    // When another instance gets every delivery three times, shuffled, 24 requests at a time
    const triple = await productWithClients();
    const shuffled = new SeededRandom(seed).shuffle(workload.deliveries.flatMap((planned) => Array.from({ length: copies }, () => planned)));
    const answers = new Map<string, number>();
    const countAnswer = (_: number, outcome: SendOutcome) => answers.set(JSON.parse(outcome.detail).status, (answers.get(JSON.parse(outcome.detail).status) ?? 0) + 1);
    const drive = await deliverAll(shuffled, fixedTarget(triple.url), { concurrency: 24, maxAttempts: 5, onAck: countAnswer });
    await waitUntilSettled(() => triple.url, triple.adminKey, timeoutMs);

    // Then the facts, the read models (bookkeeping aside) and the KPIs are the same
    const [once, thrice] = [await runResult(single), await runResult(triple)];
    const audit = await auditFacts(triple.app.services.eventStore, workload.facts);
    const { facts: factsDiff, documents: diverging, kpis } = differences(once, thrice, resolvePeriod(workloadPeriod, single.app.services.config.businessTimeZone));
    const row = { scale: `${size} deliveries × ${copies}`, requestsSent: drive.requestsSent, acknowledged: drive.acknowledged.length, lost: audit.missing.length, duplicated: audit.duplicated };
    reportRow(task, { ...row, scenario: '2. duplicates ×3, shuffled, concurrent', diverging: diverging.length + factsDiff.length + kpis.length });
    expect(drive.refused).toEqual([]);
    expect(drive.acknowledged).toHaveLength(size * copies);
    expect(Object.fromEntries(answers)).toEqual({ accepted: size, duplicate: size * (copies - 1) });
    expect(audit).toMatchObject({ missing: [], unexpected: [], duplicated: 0 });
    expect(factsDiff).toEqual([]);
    expect(diverging).toEqual([]);
    expect(kpis).toEqual([]);
  }, timeoutMs * 3);
});
