import { instantInPeriod, type Period, type ResolvedPeriod } from '../../core/business-time';
import { parseInstant } from '../../core/time';
import { minutesBetween } from '../shared/event-instant';
import { distinctById } from '../shared/documents';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import type { WebhookDeliveryDocument, WebhookDocument } from './webhook-deliveries.projection';

export interface WebhookToolCounts {
  readonly received: number;
  readonly processed: number;
  readonly ignored: number;
  /** Ignored deliveries of the period by the reason recorded (`unrecorded` for ones ignored before reasons were kept). */
  readonly ignoredByReason: Record<string, number>;
  /** Deliveries with at least one failed attempt in the period, and those attempts. */
  readonly failed: number;
  readonly failedAttempts: number;
  readonly parked: number;
  /** Requests refused at the door (a rate-limit summary counts the requests it stands for). */
  readonly rejected: number;
  /** Deliveries received but neither processed, ignored nor parked at the backlog instant. */
  readonly unprocessed: number;
  readonly oldestUnprocessedAgeMinutes: number | null;
}

export interface WebhookDeliveriesOptions {
  /** Where the backlog is measured; defaults to the period end. Pass "now" for a running period. */
  readonly asOf?: string;
}

type Tally = { -readonly [K in keyof WebhookToolCounts]: WebhookToolCounts[K] };

function tallyFor(byTool: Record<string, Tally>, tool: string): Tally {
  byTool[tool] ??= { received: 0, processed: 0, ignored: 0, ignoredByReason: {}, failed: 0, failedAttempts: 0, parked: 0, rejected: 0, unprocessed: 0, oldestUnprocessedAgeMinutes: null };
  return byTool[tool];
}

function countActivity(tally: Tally, document: WebhookDocument, period: ResolvedPeriod): void {
  const inPeriod = (at: string | null) => (at !== null && instantInPeriod(at, period) ? 1 : 0);
  if (document.kind === 'rejection') {
    tally.rejected += inPeriod(document.receivedAt) * document.requests;
    return;
  }
  const failedAttempts = document.failures.filter((failure) => inPeriod(failure.at)).length;
  tally.received += inPeriod(document.receivedAt);
  tally.processed += inPeriod(document.processedAt);
  tally.ignored += inPeriod(document.ignoredAt);
  if (inPeriod(document.ignoredAt)) {
    const reason = document.ignoreReason ?? 'unrecorded';
    tally.ignoredByReason[reason] = (tally.ignoredByReason[reason] ?? 0) + 1;
  }
  tally.parked += inPeriod(document.parkedAt);
  tally.failed += Math.min(failedAttempts, 1);
  tally.failedAttempts += failedAttempts;
}

function countBacklog(tally: Tally, delivery: WebhookDeliveryDocument, instant: string): void {
  const age = minutesBetween(delivery.receivedAt, instant);
  tally.unprocessed += 1;
  tally.oldestUnprocessedAgeMinutes = Math.max(age, tally.oldestUnprocessedAgeMinutes ?? age);
}

/** Deliveries pending at `instant`: received before it and not settled (or settled only since). */
async function backlogAt(context: KpiContext, instant: string): Promise<WebhookDeliveryDocument[]> {
  const receivedBefore = { $lt: instant };
  const [pending, settledSince] = await Promise.all([
    context.reads.find<WebhookDeliveryDocument>('webhook_deliveries', { filter: { kind: 'delivery', settledAt: null, receivedAt: receivedBefore } }),
    context.reads.find<WebhookDeliveryDocument>('webhook_deliveries', { filter: { kind: 'delivery', settledAt: { $gte: instant }, receivedAt: receivedBefore } }),
  ]);
  return [...pending.documents, ...settledSince.documents];
}

/**
 * webhookDeliveries: per tool, deliveries received, processed, ignored and parked in the period,
 * deliveries that failed an attempt in it (and the attempts), requests rejected at the door; and the
 * backlog at the period end (or `options.asOf`): how many are unprocessed and the oldest one's age in
 * minutes. A parked delivery has left the automatic pipeline and is not backlog.
 */
export async function webhookDeliveries(context: KpiContext, period: Period, options: WebhookDeliveriesOptions = {}): Promise<KpiResult<Record<string, WebhookToolCounts>>> {
  const resolved = periodOf(context, period);
  const backlogInstant = options.asOf ? parseInstant(options.asOf, 'asOf').toISOString() : resolved.toInstant;
  // Anything that happened in the period leaves its document's latest event at or after the start.
  const filter = { lastEventAt: { $gte: resolved.fromInstant }, receivedAt: { $lt: resolved.toInstant } };
  const [{ documents: active }, backlog] = await Promise.all([context.reads.find<WebhookDocument>('webhook_deliveries', { filter }), backlogAt(context, backlogInstant)]);
  const byTool: Record<string, Tally> = {};
  for (const document of active) countActivity(tallyFor(byTool, document.tool), document, resolved);
  for (const delivery of backlog) countBacklog(tallyFor(byTool, delivery.tool), delivery, backlogInstant);
  return kpiResult(context, ['webhook_deliveries'], distinctById<WebhookDocument>([...active, ...backlog]), byTool);
}
