import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import type { WebhookIntakeCommand } from '../../aggregates/webhook-delivery/webhook-delivery.commands';
import type { WebhookDeliveryRejected, WebhookRejectionReason, WebhookRejectionSummary } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import { webhookDeliveryRoutes } from '../../aggregates/webhook-delivery/webhook-delivery.routes';
import type { EventStore } from '../../core/event-store.port';
import { randomId, type IdGenerator } from '../../core/ids';
import type { Clock } from '../../core/time';
import type { RejectStore } from './reject-store';
import { TokenBucket } from './token-bucket';

/**
 * Refusals that happen before the sender is authenticated (or whose signature did not hold): anyone
 * can send them, so their content never enters the immutable log. Only `malformed` follows a valid
 * signature or secret.
 */
export const unauthenticatedReasons: ReadonlySet<WebhookRejectionReason> = new Set([
  'bad_signature',
  'missing_signature',
  'stale_timestamp',
  'too_large',
  'unknown_tool',
  'tool_disabled',
  'method_not_allowed',
]);

/** A request refused at the door, as the receiver saw it. */
export interface Rejection {
  readonly tool: string;
  readonly reason: WebhookRejectionReason;
  readonly detail: string;
  readonly method: string;
  readonly path: string;
  /** Already stripped of secrets and signatures. */
  readonly headers: Record<string, string>;
  /** The body, or its head, as read; only an excerpt is kept. */
  readonly body: Buffer | null;
  readonly bodyBytes: number;
}

export interface QuarantineOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  /** Rejections recorded in full per tool and minute; beyond, only counted. */
  readonly perMinute: number;
  readonly excerptBytes?: number;
  readonly newId?: IdGenerator;
  /** Where unauthenticated rejects are kept, bounded; without it they are only counted. */
  readonly rejects?: RejectStore;
}

const windowMs = 60_000;

interface SuppressedWindow {
  readonly start: Date;
  readonly byReason: Partial<Record<WebhookRejectionReason, number>>;
  readonly timer: NodeJS.Timeout;
}

/**
 * Unauthenticated rejects go to the bounded `RejectStore` in full and are only counted in the log:
 * one summary event per tool and minute stands for them. Rejects of authenticated senders
 * (`malformed`) are recorded as `WebhookDeliveryRejected` on `WebhookRejection-<tool>`, but never
 * more than the bucket allows; beyond it they are counted into the same summary.
 */
export class WebhookQuarantine {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly windows = new Map<string, SuppressedWindow>();
  private readonly excerptBytes: number;
  private readonly newId: IdGenerator;
  private readonly rejections: CommandBus<WebhookIntakeCommand>;

  constructor(private readonly options: QuarantineOptions) {
    this.excerptBytes = options.excerptBytes ?? 4096;
    this.newId = options.newId ?? randomId;
    this.rejections = createCommandBus(options.store, webhookDeliveryRoutes, { readBack: false });
  }

  /** Never throws: a store failure is logged, the request's answer does not depend on it. */
  async record(rejection: Rejection): Promise<void> {
    const now = this.options.clock();
    if (unauthenticatedReasons.has(rejection.reason)) {
      this.count(rejection.tool, rejection.reason, now);
      await this.keep(rejection, now);
      return;
    }
    if (this.bucketOf(rejection.tool, now).take(now.getTime())) {
      await this.logRejection(rejection.tool, this.fullEvent(rejection, now));
      return;
    }
    this.count(rejection.tool, rejection.reason, now);
  }

  /** Writes the summaries of open windows now (on stop, or in tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.windows.keys()].map((tool) => this.closeWindow(tool)));
  }

  private bucketOf(tool: string, now: Date): TokenBucket {
    let bucket = this.buckets.get(tool);
    if (!bucket) this.buckets.set(tool, (bucket = new TokenBucket(this.options.perMinute, windowMs, now.getTime())));
    return bucket;
  }

  private count(tool: string, reason: WebhookRejectionReason, now: Date): void {
    let window = this.windows.get(tool);
    if (!window) {
      const timer = setTimeout(() => void this.closeWindow(tool), windowMs);
      timer.unref();
      this.windows.set(tool, (window = { start: now, byReason: {}, timer }));
    }
    window.byReason[reason] = (window.byReason[reason] ?? 0) + 1;
  }

  private async closeWindow(tool: string): Promise<void> {
    const window = this.windows.get(tool);
    if (!window) return;
    this.windows.delete(tool);
    clearTimeout(window.timer);
    const end = this.options.clock();
    const counts = Object.entries(window.byReason) as Array<[WebhookRejectionReason, number]>;
    const summary: WebhookRejectionSummary = {
      windowStart: window.start.toISOString(),
      windowEnd: end.toISOString(),
      suppressed: counts.reduce((total, [, n]) => total + n, 0),
      byReason: window.byReason,
    };
    const reason = counts.reduce((most, entry) => (entry[1] > most[1] ? entry : most))[0];
    const detail = `${summary.suppressed} rejected requests only counted here: unauthenticated ones (kept, bounded, in webhookRejects) and any beyond the limit of ${this.options.perMinute} a minute`;
    await this.logRejection(tool, { tool, reason, receivedAt: summary.windowEnd, detail, summary });
  }

  private async keep(rejection: Rejection, now: Date): Promise<void> {
    if (!this.options.rejects) return;
    const { tool, reason, detail, method, path, headers, bodyBytes } = this.fullEvent(rejection, now);
    const excerpt = rejection.body === null ? '' : rejection.body.subarray(0, this.excerptBytes).toString('utf8');
    try {
      await this.options.rejects.record({ tool, reason, receivedAt: now.toISOString(), detail: detail ?? '', method: method ?? '', path: path ?? '', headers: headers ?? {}, excerpt, bodyBytes: bodyBytes ?? 0 });
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'webhook reject not kept', tool, reason, error: String(error) }));
    }
  }

  private fullEvent(rejection: Rejection, now: Date): WebhookDeliveryRejected['data'] {
    const { tool, reason, detail, method, path, headers, body, bodyBytes } = rejection;
    const excerpt = body === null ? '' : body.subarray(0, this.excerptBytes).toString('utf8');
    return { tool, reason, receivedAt: now.toISOString(), detail, method, path, headers, excerpt, bodyBytes };
  }

  private async logRejection(tool: string, data: WebhookDeliveryRejected['data']): Promise<void> {
    const id = this.newId();
    try {
      // The rejection log's decider is log-only: appended at `any`, the stream is never read.
      await this.rejections.execute({ type: 'RecordWebhookRejection', occurredAt: data.receivedAt, data: { rejection: data } }, { actor: `webhook:${tool}`, correlationId: id, causationId: null, eventIdOf: () => id });
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'webhook rejection not recorded', tool, reason: data.reason, error: String(error) }));
    }
  }
}
