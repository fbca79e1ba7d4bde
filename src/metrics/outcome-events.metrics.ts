import type { RecordedEvent } from '../core/messages';
import type { Reactor } from '../core/reactor';
import { webhookTools } from '../ingest/delivery';
import type { AppMetrics } from './app-metrics';

const deliveryOutcomes: Readonly<Record<string, string>> = {
  WebhookDeliveryReceived: 'received',
  WebhookDeliveryProcessed: 'processed',
  WebhookDeliveryIgnored: 'ignored',
  WebhookDeliveryFailed: 'failed',
  WebhookDeliveryParked: 'parked',
  WebhookDeliveryRejected: 'rejected',
  // The same delivery identity received with another body (listed by the ADMIN query webhookConflicts).
  WebhookDeliveryConflicted: 'conflict',
};

const workflowOutcomes: Readonly<Record<string, string>> = {
  WorkflowRunStarted: 'started',
  WorkflowRunSucceeded: 'succeeded',
  WorkflowRunFailed: 'failed',
  WorkflowRunSkipped: 'skipped',
  WorkflowRunRetried: 'retried',
};

/** A rejected request may name any tool in its path: only known tools become label values. */
const toolLabel = (tool: unknown) => ((webhookTools as readonly unknown[]).includes(tool) ? String(tool) : 'unknown');

function observe(metrics: AppMetrics, event: RecordedEvent): void {
  const data = event.data as { tool?: unknown; workflow?: unknown; summary?: { suppressed?: number } };
  const delivery = deliveryOutcomes[event.type];
  // A rate-limit summary stands for the requests it counts, not for one.
  if (delivery) metrics.webhookDeliveries.inc({ tool: toolLabel(data.tool), outcome: delivery }, data.summary?.suppressed ?? 1);
  const workflow = workflowOutcomes[event.type];
  if (workflow) metrics.workflowRuns.inc({ workflow: String(data.workflow ?? 'unknown'), outcome: workflow });
}

/**
 * Counts webhook and workflow outcomes as they are recorded. The ingest worker and the workflow
 * engine expose no counters, and their outcomes are events anyway: following the log counts those
 * of every process, so each process reports the same figures (aggregate with max, not sum). It
 * counts from its start (Prometheus counters start at zero with the process) and keeps no checkpoint.
 */
export function outcomeMetricsReactor(metrics: AppMetrics): Reactor {
  return {
    name: 'outcome-metrics',
    types: [...Object.keys(deliveryOutcomes), ...Object.keys(workflowOutcomes)],
    startAt: 'end',
    checkpointKey: null,
    handle: (event) => observe(metrics, event),
  };
}
