import type { EventStore, Subscription } from '../../core/event-store.port';
import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { AttemptDeps } from './delivery-attempt';
import { DeliveryProcessor } from './delivery-processor';
import { PendingDeliveries } from './pending-deliveries';
import { type RetryPolicy, retryDelayMs } from './retry-policy';
import { WorkerCheckpoint } from './worker-checkpoint';

export interface WorkerOptions extends AttemptDeps {
  readonly store: EventStore;
  readonly reads: ReadStore;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  /** Deliveries attempted at the same time (commands on one stream still run one at a time). */
  readonly concurrency?: number;
  readonly checkpointEveryMs?: number;
  readonly name?: string;
}

export const webhookWorkerName = 'worker:webhook_ingest';
const resubscribeDelayMs = 1_000;

/**
 * Follows `WebhookDelivery-*` streams from its checkpoint and attempts each delivery when it is due:
 * at once when received or redriven, at the Failed event's `retryAt` after a retryable failure.
 * Everything it needs after a restart is in the event store; the checkpoint only saves replaying.
 */
export class WebhookWorker {
  private readonly processor: DeliveryProcessor;
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly checkpoint: WorkerCheckpoint;
  private pending = new PendingDeliveries(null);
  private subscription: Subscription | null = null;
  private following: Promise<void> = Promise.resolve();
  private wakeTimer: NodeJS.Timeout | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly options: WorkerOptions) {
    this.processor = new DeliveryProcessor(options);
    this.checkpoint = new WorkerCheckpoint(options.reads, options.name ?? webhookWorkerName, options.clock);
  }

  async start(): Promise<void> {
    const start = (await this.checkpoint.load()) ?? null;
    this.pending = new PendingDeliveries(start);
    this.stopped = false;
    this.following = this.follow();
    this.checkpointTimer = setInterval(() => void this.saveCheckpoint(), this.options.checkpointEveryMs ?? 1_000);
    this.checkpointTimer.unref();
  }

  /** Stops following, lets attempts under way finish and saves the checkpoint. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    await this.subscription?.close();
    await this.following;
    await Promise.allSettled([...this.running]);
    await this.saveCheckpoint();
  }

  /** Deliveries awaiting an attempt (received, redriven or waiting for a retry). */
  get backlog(): number {
    return this.pending.size;
  }

  /** Follows the deliveries' streams; a failed subscription is opened again after the last event seen. */
  private async follow(): Promise<void> {
    while (!this.stopped) {
      const after = this.pending.position;
      const subscription = this.options.store.subscribe({ categories: ['WebhookDelivery'], ...(after === null ? {} : { after }) });
      this.subscription = subscription;
      try {
        for await (const event of subscription) {
          this.pending.observe(event, this.options.clock().getTime());
          this.pump();
        }
      } catch (error) {
        if (!this.stopped) console.error(JSON.stringify({ level: 'error', msg: 'webhook worker subscription failed; resubscribing', error: String(error) }));
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, resubscribeDelayMs).unref());
    }
  }

  private pump(): void {
    if (this.stopped) return;
    const now = this.options.clock().getTime();
    const free = this.concurrency - this.busy.size;
    // Every observed event pumps, mostly while all slots are busy: the backlog is not scanned then.
    if (free > 0) for (const deliveryId of this.pending.due(now, this.busy, free)) this.attempt(deliveryId);
    this.scheduleWake();
  }

  private get concurrency(): number {
    return this.options.concurrency ?? 4;
  }

  private attempt(deliveryId: string): void {
    this.busy.add(deliveryId);
    const run = this.processor
      .process(deliveryId)
      .then((next) => (next.kind === 'settled' ? this.pending.settle(deliveryId) : this.pending.retryAt(deliveryId, next.at)))
      .catch((error: unknown) => {
        // The store failed under the attempt: nothing was recorded, so try again a little later.
        console.error(JSON.stringify({ level: 'error', msg: 'webhook delivery attempt failed', deliveryId, error: String(error) }));
        this.pending.retryAt(deliveryId, this.options.clock().getTime() + retryDelayMs(this.options.policy, 1));
      })
      .finally(() => {
        this.busy.delete(deliveryId);
        this.running.delete(run);
        this.pump();
      });
    this.running.add(run);
  }

  private scheduleWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    // With every slot taken, the next attempt to finish pumps again.
    if (this.busy.size >= this.concurrency) return;
    const next = this.pending.nextDueAt(this.busy);
    if (next === null) return;
    const delay = Math.max(0, next - this.options.clock().getTime());
    this.wakeTimer = setTimeout(() => this.pump(), Math.min(delay, 2 ** 31 - 1));
    this.wakeTimer.unref();
  }

  private async saveCheckpoint(): Promise<void> {
    try {
      await this.checkpoint.save(this.pending.checkpoint());
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'webhook worker checkpoint not saved', error: String(error) }));
    }
  }
}
