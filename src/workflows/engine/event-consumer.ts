import type { EventStore, Subscription } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { NotReadyYet } from './step-runner';
import type { WorkflowCheckpoints } from './workflow-checkpoints';
import { errorText, type WorkflowLog } from './workflow-log';

export interface EventConsumerOptions {
  /** Its checkpoint is `workflow:<name>`. */
  readonly name: string;
  readonly types: readonly string[];
  readonly handle: (event: RecordedEvent) => Promise<void>;
  /** Events it refuses are passed over (the checkpoint moves past them); default: all. */
  readonly accepts?: (event: RecordedEvent) => boolean;
  /** After `maxFailures` crashes on one event: record why, and move on. */
  readonly giveUp: (event: RecordedEvent, error: unknown) => Promise<void>;
  readonly maxFailures: number;
  /** Wait after a crash before following the log again from the checkpoint. */
  readonly errorBackoffMs: number;
  /** Wait before handing an event over again whose run was not ready yet (`NotReadyYet`); default 250 ms. */
  readonly notReadyRetryMs?: number;
  /** How long an event may keep its run not ready before the consumer gives up on it; default 10 minutes. */
  readonly maxWaitMs?: number;
}

/**
 * Follows the log after its checkpoint, one event at a time; the checkpoint moves only once an
 * event is handled, so a crash mid-way hands the same event over again on restart (handlers are
 * idempotent: runs have deterministic ids and steps are recorded).
 */
export class EventConsumer {
  private position: bigint | null = null;
  private subscription: Subscription | null = null;
  private stopped = false;
  private busy = false;
  private loop: Promise<void> = Promise.resolve();
  private failures = { eventId: '', count: 0 };
  private wake: (() => void) | null = null;

  constructor(
    private readonly options: EventConsumerOptions,
    private readonly store: EventStore,
    private readonly checkpoints: WorkflowCheckpoints,
    private readonly log: WorkflowLog,
  ) {}

  async start(): Promise<void> {
    this.position = await this.checkpoints.position(this.options.name);
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.close();
    await this.loop;
  }

  /** True while an event is being handled or events are waiting after the checkpoint. */
  async pending(): Promise<boolean> {
    if (this.busy) return true;
    for await (const _ of this.store.readAll({ after: this.position ?? undefined, types: this.options.types, maxCount: 1 })) return true;
    return false;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      const subscription = this.store.subscribe({ after: this.position ?? undefined, types: this.options.types });
      this.subscription = subscription;
      try {
        for await (const event of subscription) {
          if (this.stopped) break;
          await this.process(event);
        }
      } catch (error) {
        this.log.error('workflow consumer crashed; following again from its checkpoint', { consumer: this.options.name, error: errorText(error) });
        await this.pause();
      } finally {
        await subscription.close();
      }
    }
  }

  private async process(event: RecordedEvent): Promise<void> {
    this.busy = true;
    try {
      // Stopped while the run was not ready: the checkpoint stays, the next holder takes it up.
      if ((this.options.accepts?.(event) ?? true) && !(await this.handleWhenReady(event))) return;
    } catch (error) {
      // A run still not ready after `maxWaitMs` is given up at once: waiting again would not help.
      if (!(error instanceof NotReadyYet) && !this.countFailure(event)) throw error;
      this.log.error('giving up on an event', { consumer: this.options.name, eventId: event.id, error: errorText(error) });
      await this.options.giveUp(event, error);
    } finally {
      this.busy = false;
    }
    this.position = event.position;
    await this.checkpoints.save(this.options.name, event.position);
  }

  /**
   * Handles `event`, handing it over again every `notReadyRetryMs` while its run is not ready yet
   * (which is no crash: nothing was recorded); false when the consumer was stopped meanwhile.
   */
  private async handleWhenReady(event: RecordedEvent): Promise<boolean> {
    const giveUpAt = Date.now() + (this.options.maxWaitMs ?? 10 * 60_000);
    for (;;) {
      try {
        await this.options.handle(event);
        return true;
      } catch (error) {
        if (!(error instanceof NotReadyYet) || Date.now() > giveUpAt) throw error;
      }
      await this.pause(this.options.notReadyRetryMs ?? 250);
      if (this.stopped) return false;
    }
  }

  /** True when this event has now failed `maxFailures` times in a row. */
  private countFailure(event: RecordedEvent): boolean {
    this.failures = this.failures.eventId === event.id ? { eventId: event.id, count: this.failures.count + 1 } : { eventId: event.id, count: 1 };
    return this.failures.count >= this.options.maxFailures;
  }

  private pause(ms = this.options.errorBackoffMs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
