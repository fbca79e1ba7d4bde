import type { WebhookParkReason, WebhookRejectionReason } from '../../ingest/webhook-delivery.events';
import { fact, type ScenarioFact } from '../projection-scenario';

/** Operations facts for specs, shaped as the deciders and the ingest emit them. */
export const syncSucceeded = (source: string, runId: string, at: string, records: number, intervalSeconds: number): ScenarioFact =>
  fact(`SyncRun-${source}:${runId}`, at, { type: 'SyncRunSucceeded', data: { runId, source, records, durationMs: 1000, intervalSeconds, cursor: null } });

export const syncFailed = (source: string, runId: string, at: string, error: string, intervalSeconds: number): ScenarioFact =>
  fact(`SyncRun-${source}:${runId}`, at, { type: 'SyncRunFailed', data: { runId, source, error, durationMs: 1000, intervalSeconds } });

const run = (runId: string) => `WorkflowRun-${runId}`;

export const runStarted = (runId: string, workflow: string, at: string, manualMinutes: number): ScenarioFact =>
  fact(run(runId), at, { type: 'WorkflowRunStarted', data: { runId, workflow, trigger: { kind: 'schedule', schedule: 'hourly' }, manualMinutes } });
export const runSucceeded = (runId: string, workflow: string, at: string, manualMinutesSaved: number, attempt = 1): ScenarioFact =>
  fact(run(runId), at, { type: 'WorkflowRunSucceeded', data: { runId, workflow, manualMinutesSaved, attempt } });
export const runFailed = (runId: string, workflow: string, at: string, attempt = 1): ScenarioFact =>
  fact(run(runId), at, { type: 'WorkflowRunFailed', data: { runId, workflow, error: 'boom', retryable: true, attempt } });
export const runSkipped = (runId: string, workflow: string, at: string): ScenarioFact =>
  fact(run(runId), at, { type: 'WorkflowRunSkipped', data: { runId, workflow, reason: 'nothing to do', attempt: 1 } });
export const runRetried = (runId: string, workflow: string, at: string, attempt: number): ScenarioFact =>
  fact(run(runId), at, { type: 'WorkflowRunRetried', data: { runId, workflow, attempt } });

export const manualAdmin = (entryId: string, performedOn: string, minutes: number, at = `${performedOn}T06:00:00.000Z`): ScenarioFact =>
  fact(`ManualAdmin-${entryId}`, at, { type: 'ManualAdminRecorded', data: { entryId, minutes, description: 'reconcile', performedOn } });

const delivery = (deliveryId: string) => `WebhookDelivery-${deliveryId}`;

export const deliveryReceived = (deliveryId: string, tool: string, at: string): ScenarioFact =>
  fact(delivery(deliveryId), at, { type: 'WebhookDeliveryReceived', data: { deliveryId, tool, dedupeKey: `key-${deliveryId}`, eventKind: 'issue.updated', receivedAt: at } });
export const deliveryProcessed = (deliveryId: string, tool: string, at: string): ScenarioFact =>
  fact(delivery(deliveryId), at, { type: 'WebhookDeliveryProcessed', data: { deliveryId, tool, commands: 1 } });
export const deliveryIgnored = (deliveryId: string, tool: string, at: string, reason?: string): ScenarioFact =>
  fact(delivery(deliveryId), at, { type: 'WebhookDeliveryIgnored', data: { deliveryId, tool, eventKind: 'issue.updated', ...(reason ? { reason } : {}) } });
export const deliveryFailed = (deliveryId: string, tool: string, at: string, attempt: number): ScenarioFact =>
  fact(delivery(deliveryId), at, { type: 'WebhookDeliveryFailed', data: { deliveryId, tool, error: 'timeout', attempt, retryable: true } });
export const deliveryParked = (deliveryId: string, tool: string, at: string, reason: WebhookParkReason = 'retries_exhausted'): ScenarioFact =>
  fact(delivery(deliveryId), at, { type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason, error: 'timeout' } });
export const deliveryRejected = (tool: string, at: string, reason: WebhookRejectionReason = 'bad_signature', suppressed?: number): ScenarioFact => {
  const summary = suppressed === undefined ? {} : { summary: { windowStart: at, windowEnd: at, suppressed, byReason: { [reason]: suppressed } } };
  return fact(`WebhookRejection-${tool}`, at, { type: 'WebhookDeliveryRejected', data: { tool, reason, receivedAt: at, ...summary } });
};
