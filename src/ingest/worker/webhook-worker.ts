import type { EventStore } from '../../core/event-store.port';
import type { Reactor, ReactorNotice } from '../../core/reactor';
import { ReactorLoop } from '../../core/reactor-loop';
import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import { logger } from '../../logging/logger';
import type { AttemptDeps } from './delivery-attempt';
import { DeliveryProcessor } from './delivery-processor';
import { PendingDeliveries } from './pending-deliveries';
import { type RetryPolicy, retryDelayMs } from './retry-policy';

export interface WorkerOptions extends AttemptDeps {
  readonly store: EventStore;
  readonly reads: ReadStore;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  /** Deliveries attempted at the same time (commands on one stream still run one at a time). */
  readonly concurrency?: number;
  readonly checkpointEveryMs?: number;
  /** Key of its checkpoint; the default is the key the worker has always used, so upgraded stores resume where they were. */
  readonly name?: string;
  /** What its loop reports when it runs by itself (`start`); the composition root's processors log the same notices. */
  readonly onNotice?: (notice: ReactorNotice) => void;
}

/** Key of the worker's checkpoint in the read store (unchanged since the worker kept its own loop). */
export const webhookWorkerName = 'worker:webhook_ingest';
/** The worker's name among the processors, and the lease it runs under (README "Scaling out"). */
export const webhookWorkerProcessor = 'webhook-worker';

/** The delivery events the worker's backlog is built from. */
const followed = ['WebhookDeliveryReceived', 'WebhookDeliveryRedriven', 'WebhookDeliveryFailed', 'WebhookDeliveryProcessed', 'WebhookDeliveryIgnored', 'WebhookDeliveryParked'];

/**
 * A reactor that follows `WebhookDelivery-*` streams and attempts each delivery when it is due: at
 * once when received or redriven, at the Failed event's `retryAt` after a retryable failure.
 * Attempts run in the background, so its checkpoint is the low-water mark of its backlog (see
 * `PendingDeliveries`): everything it needs after a restart is in the event store.
 */
export class WebhookWorker {
  private readonly processor: DeliveryProcessor;
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private pending = new PendingDeliveries(null);
  private loop: ReactorLoop | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private stopped = true;

  readonly reactor: Reactor;

  constructor(private readonly options: WorkerOptions) {
    this.processor = new DeliveryProcessor(options);
    this.reactor = {
      name: webhookWorkerProcessor,
      types: followed,
      categories: ['WebhookDelivery'],
      startAt: 'beginning',
      checkpointKey: options.name ?? webhookWorkerName,
      checkpointEveryMs: options.checkpointEveryMs ?? 1_000,
      started: (position) => {
        this.pending = new PendingDeliveries(position);
        this.stopped = false;
      },
      handle: (event) => {
        this.pending.observe(event, this.options.clock().getTime());
        this.pump();
      },
      resumeAfter: () => this.pending.checkpoint(),
      drain: () => this.drain(),
    };
  }

  /** Runs its reactor here (tests, a process without the composition root's processors). */
  async start(): Promise<void> {
    const { store: eventStore, reads: readStore, clock, onNotice } = this.options;
    this.loop = new ReactorLoop(this.reactor, { eventStore, readStore, clock, ...(onNotice && { onNotice }) });
    await this.loop.start();
  }

  /** Stops following, lets attempts under way finish and saves the checkpoint. */
  async stop(): Promise<void> {
    await this.loop?.stop();
  }

  /** Deliveries awaiting an attempt (received, redriven or waiting for a retry). */
  get backlog(): number {
    return this.pending.size;
  }

  private async drain(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await Promise.allSettled([...this.running]);
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
        logger.error({ component: 'processors', processor: webhookWorkerProcessor, deliveryId, err: error }, 'webhook delivery attempt failed; trying it again later');
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
}
