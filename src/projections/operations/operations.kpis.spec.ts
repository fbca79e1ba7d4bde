import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { operationsProjections } from './index';
import * as f from '../../testing/projections/operations.facts';
import { syncStatus } from './sync.queries';
import { webhookDeliveries } from './webhook.queries';
import { manualWorkReduction, manualWorkSaved, workflowRuns } from './workflow.queries';

const april = { from: '2026-04-01', to: '2026-05-01' };
const june = { from: '2026-06-01', to: '2026-07-01' };

describe('operations KPIs', () => {
  let scenario: ProjectedScenario | null = null;
  const given = async (facts: ScenarioFact[]) => (scenario = await projectScenario(operationsProjections, facts)).context;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('reports each data source as ok, failing or stale at the instant asked, with its last runs', async () => {
    const context = await given([
      f.syncSucceeded('xero', 'x1', '2026-04-10T09:00:00.000Z', 50, 3600),
      f.syncSucceeded('xero', 'x2', '2026-04-10T10:00:00.000Z', 40, 3600),
      f.syncFailed('xero', 'x3', '2026-04-10T11:00:00.000Z', '401 Unauthorized', 3600),
      f.syncFailed('xero', 'x4', '2026-04-10T11:30:00.000Z', '401 again', 3600),
      f.syncFailed('chatwoot', 'c1', '2026-04-10T09:00:00.000Z', 'timeout', 900),
      f.syncSucceeded('chatwoot', 'c2', '2026-04-10T11:40:00.000Z', 7, 900), // 20 min ago, interval 15 min
      f.syncSucceeded('plane', 'p1', '2026-04-10T11:30:00.000Z', 1, 600), // 30 min ago > 2 × 10 min
      f.syncSucceeded('mautic', 'm1', '2026-04-10T11:00:00.000Z', 3, 3600),
      f.syncFailed('mautic', 'm0', '2026-04-10T10:00:00.000Z', 'late report', 3600), // reported after a newer run
      f.syncSucceeded('nextcloud', 'n1', '2026-04-10T11:00:00.000Z', 2, 1800), // exactly 2 × 30 min ago
      f.syncFailed('invoiceninja', 'i1', '2026-04-10T11:59:00.000Z', 'refused', 300),
    ]);
    const { value, eventCount } = await syncStatus(context, { asOf: '2026-04-10T12:00:00.000Z' });
    expect(value.xero).toEqual({
      status: 'failing',
      intervalSeconds: 3600,
      lastRunAt: '2026-04-10T11:30:00.000Z',
      lastSuccessAt: '2026-04-10T10:00:00.000Z',
      lastFailureAt: '2026-04-10T11:30:00.000Z',
      lastFailureMessage: '401 again',
      consecutiveFailures: 2,
      recordsInLastRun: null,
    });
    expect(value.chatwoot).toMatchObject({ status: 'ok', consecutiveFailures: 0, recordsInLastRun: 7, lastFailureMessage: 'timeout' });
    expect(value.plane?.status).toBe('stale');
    expect(value.mautic).toMatchObject({ status: 'ok', lastRunAt: '2026-04-10T11:00:00.000Z', consecutiveFailures: 0, recordsInLastRun: 3, lastFailureAt: '2026-04-10T10:00:00.000Z' });
    expect(value.nextcloud?.status).toBe('ok');
    expect(value.invoiceninja).toMatchObject({ status: 'failing', lastSuccessAt: null, consecutiveFailures: 1 });
    expect(eventCount).toBe(11);
    // An hour later chatwoot's success is 80 min old, beyond 2 × 15 min.
    expect((await syncStatus(context, { asOf: '2026-04-10T13:00:00.000Z' })).value.chatwoot?.status).toBe('stale');
  });

  describe('workflow runs and manual work', () => {
    const runs = [
      f.runStarted('r1', 'invoice-reminder', '2026-04-01T00:00:00.000Z', 5),
      f.runSucceeded('r1', 'invoice-reminder', '2026-04-01T00:01:00.000Z', 5),
      f.runStarted('r2', 'invoice-reminder', '2026-03-31T13:59:00.000Z', 5), // started 31 March 23:59 in Brisbane
      f.runSucceeded('r2', 'invoice-reminder', '2026-03-31T14:01:00.000Z', 5), // succeeded 1 April 00:01
      f.runStarted('r3', 'invoice-reminder', '2026-04-02T00:00:00.000Z', 5),
      f.runFailed('r3', 'invoice-reminder', '2026-04-02T00:01:00.000Z'),
      f.runRetried('r3', 'invoice-reminder', '2026-04-03T00:00:00.000Z', 2),
      f.runSucceeded('r3', 'invoice-reminder', '2026-04-03T00:01:00.000Z', 5, 2), // saved once despite 2 attempts
      f.runStarted('r4', 'invoice-reminder', '2026-04-04T00:00:00.000Z', 5),
      f.runFailed('r4', 'invoice-reminder', '2026-04-04T00:01:00.000Z'),
      f.runStarted('r5', 'client-onboarding', '2026-04-05T00:00:00.000Z', 12.5),
      f.runSkipped('r5', 'client-onboarding', '2026-04-05T00:01:00.000Z'),
      f.runStarted('r6', 'client-onboarding', '2026-04-06T00:00:00.000Z', 12.5),
      f.runSucceeded('r6', 'client-onboarding', '2026-04-06T00:01:00.000Z', 12.5),
      f.runStarted('r7', 'client-onboarding', '2026-04-30T13:00:00.000Z', 12.5), // still running
      f.runStarted('r8', 'client-onboarding', '2026-04-20T00:00:00.000Z', 12.5),
      f.runFailed('r8', 'client-onboarding', '2026-04-20T00:01:00.000Z'),
      f.runRetried('r8', 'client-onboarding', '2026-05-02T00:00:00.000Z', 2), // running again: no longer a failure
      f.runStarted('r9', 'invoice-reminder', '2026-04-30T14:00:00.000Z', 5), // 1 May in Brisbane
      f.runSucceeded('r9', 'invoice-reminder', '2026-04-30T14:01:00.000Z', 5),
      f.manualAdmin('m1', '2026-04-01', 20),
      f.manualAdmin('m2', '2026-04-30', 7.5),
      f.manualAdmin('m3', '2026-03-31', 100, '2026-03-31T15:00:00.000Z'), // performed 31 March, recorded on 1 April
      f.manualAdmin('m4', '2026-05-01', 100),
    ];

    it('counts runs per workflow in the period of their outcome, with success over succeeded and failed', async () => {
      const context = await given(runs);
      // invoice-reminder: started r1 r3 r4; outcomes in April r1 r2 r3 succeeded, r4 failed: 3 ÷ 4.
      // client-onboarding: started r5 r6 r7 r8; outcomes r5 skipped, r6 succeeded: 1 ÷ 1.
      expect((await workflowRuns(context, april)).value).toEqual({
        'client-onboarding': { started: 4, runs: 2, succeeded: 1, failed: 0, skipped: 1, successRate: 1 },
        'invoice-reminder': { started: 3, runs: 4, succeeded: 3, failed: 1, skipped: 0, successRate: 0.75 },
      });
      expect((await workflowRuns(context, june)).value).toEqual({});
    });

    it('sums manual minutes saved by runs that succeeded in the period, each run once', async () => {
      const context = await given(runs);
      // r1 5 + r2 5 + r3 5 = 15; r6 12.5.
      expect((await manualWorkSaved(context, april)).value).toEqual({ minutes: 27.5, byWorkflow: { 'invoice-reminder': 15, 'client-onboarding': 12.5 } });
      expect((await manualWorkSaved(context, june)).value).toEqual({ minutes: 0, byWorkflow: {} });
    });

    it('relates saved minutes to saved plus manual admin performed in the period', async () => {
      const context = await given(runs);
      // Manual admin on April dates: 20 + 7.5 = 27.5; reduction 27.5 ÷ (27.5 + 27.5) = 0.5.
      const { value, eventCount } = await manualWorkReduction(context, april);
      expect(value).toEqual({ rate: 0.5, savedMinutes: 27.5, manualMinutes: 27.5 });
      // From the sums, the facts counted: the successes of r1, r2, r3 and r6, and two manual entries.
      expect(eventCount).toBe(4 + 2);
      // Scanning, the events folded into r1, r2, r3, r6 and the two manual entries.
      const scanned = await manualWorkReduction({ ...context, path: 'scan' }, april);
      expect(scanned.value).toEqual(value);
      expect(scanned.eventCount).toBe(2 + 2 + 4 + 2 + 2);
      expect((await manualWorkReduction(context, june)).value).toEqual({ rate: null, savedMinutes: 0, manualMinutes: 0 });
    });
  });

  describe('webhook deliveries', () => {
    const deliveries = [
      f.deliveryReceived('d1', 'plane', '2026-04-01T00:00:00.000Z'),
      f.deliveryProcessed('d1', 'plane', '2026-04-01T00:00:05.000Z'),
      f.deliveryReceived('d2', 'plane', '2026-04-02T00:00:00.000Z'),
      f.deliveryFailed('d2', 'plane', '2026-04-02T00:00:01.000Z', 1),
      f.deliveryFailed('d2', 'plane', '2026-04-02T00:01:00.000Z', 2),
      f.deliveryProcessed('d2', 'plane', '2026-04-03T00:00:00.000Z'),
      f.deliveryReceived('d3', 'plane', '2026-04-05T00:00:00.000Z'),
      f.deliveryFailed('d3', 'plane', '2026-04-05T00:00:01.000Z', 1),
      f.deliveryParked('d3', 'plane', '2026-04-06T00:00:00.000Z'),
      f.deliveryReceived('d4', 'plane', '2026-04-30T10:00:00.000Z'), // never settles
      f.deliveryReceived('d5', 'plane', '2026-03-31T13:00:00.000Z'), // 31 March in Brisbane...
      f.deliveryProcessed('d5', 'plane', '2026-04-30T15:00:00.000Z'), // ...processed 1 May
      f.deliveryRejected('plane', '2026-04-10T00:00:00.000Z'),
      f.deliveryRejected('plane', '2026-04-10T00:01:00.000Z', 'bad_signature', 40), // rate-limit summary of 40 requests
      f.deliveryRejected('plane', '2026-04-30T14:30:00.000Z'), // May
      f.deliveryReceived('d6', 'chatwoot', '2026-04-08T00:00:00.000Z'),
      f.deliveryIgnored('d6', 'chatwoot', '2026-04-08T00:00:01.000Z'), // ignored before reasons were kept
      f.deliveryReceived('d7', 'chatwoot', '2026-04-09T00:00:00.000Z'),
      f.deliveryIgnored('d7', 'chatwoot', '2026-04-09T00:00:01.000Z', 'chatwoot message_created: private note'),
      f.deliveryRejected('chatwoot', '2026-03-31T14:30:00.000Z', 'stale_timestamp'), // 1 April 00:30
    ];

    it('counts each tool’s deliveries by outcome in the period and measures the backlog at its end', async () => {
      const context = await given(deliveries);
      // Backlog on 1 May 00:00 (30 April 14:00 UTC): d4 for 240 min, d5 for 30 days + 1 h = 43 260 min.
      expect((await webhookDeliveries(context, april)).value).toEqual({
        plane: { received: 4, processed: 2, ignored: 0, ignoredByReason: {}, failed: 2, failedAttempts: 3, parked: 1, rejected: 41, unprocessed: 2, oldestUnprocessedAgeMinutes: 43_260 },
        chatwoot: { received: 2, processed: 0, ignored: 2, ignoredByReason: { unrecorded: 1, 'chatwoot message_created: private note': 1 }, failed: 0, failedAttempts: 0, parked: 0, rejected: 1, unprocessed: 0, oldestUnprocessedAgeMinutes: null },
      });
    });

    it('measures the backlog at the instant asked for a running period, and keeps it across empty periods', async () => {
      const context = await given(deliveries);
      // At 30 April 12:00 UTC: d4 120 min, d5 29 days 23 h = 43 140 min.
      expect((await webhookDeliveries(context, april, { asOf: '2026-04-30T12:00:00.000Z' })).value.plane).toMatchObject({ unprocessed: 2, oldestUnprocessedAgeMinutes: 43_140 });
      // June has no activity, but d4 still waits: 61 days + 4 h = 88 080 min at 1 July 00:00 in Brisbane.
      expect((await webhookDeliveries(context, june)).value).toEqual({
        plane: { received: 0, processed: 0, ignored: 0, ignoredByReason: {}, failed: 0, failedAttempts: 0, parked: 0, rejected: 0, unprocessed: 1, oldestUnprocessedAgeMinutes: 88_080 },
      });
    });
  });
});
