import type { EventStore, Subscription } from './event-store.port';
import type { RecordedEvent } from './messages';
import { describeError, lagAfter, type ProcessorLag, type ProcessorStatus } from './processor';
import type { Reactor, ReactorNotice } from './reactor';
import type { ProjectionFailure, ReadStore } from './read-store.port';
import type { Clock } from './time';

export interface ReactorLoopDeps {
  readonly eventStore: EventStore;
  /** Where checkpoints are kept: the read store's, beside the projections'. Only reactors with a `checkpointKey` need it. */
  readonly readStore?: ReadStore;
  readonly clock: Clock;
  readonly onNotice?: (notice: ReactorNotice) => void;
}

/** Wait before following the log again after the subscription failed (ms). */
const resubscribeMs = 1_000;

/**
 * Runs one reactor: follows the log after its checkpoint, hands each event it selects to `handle`,
 * one at a time, and moves the checkpoint once the event is handled, so a crash hands the same
 * event over again. A failing event is tried again after a backoff, then given up (see `ReactorRetry`).
 */
export class ReactorLoop {
  /** Position of the last event handled (or passed over). */
  position: bigint | null = null;
  /** The event it keeps failing on, while it retries it. */
  failure: ProjectionFailure | null = null;
  skipped = 0;
  private subscription: Subscription | null = null;
  private following: Promise<void> = Promise.resolve();
  private stopped = true;
  private busy = false;
  private wake: () => void = () => undefined;
  private savedPosition: bigint | null | undefined = undefined;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly reactor: Reactor,
    private readonly deps: ReactorLoopDeps,
  ) {}

  async start(): Promise<void> {
    if (this.reactor.checkpointKey !== null && !this.deps.readStore) throw new Error(`Reactor ${this.reactor.name} keeps a checkpoint: give its loop a read store`);
    this.position = await this.startPosition();
    this.stopped = false;
    this.reactor.started?.(this.position);
    if (this.reactor.catchUpBeforeStart) await this.catchUp();
    this.following = this.follow();
    if (this.reactor.checkpointEveryMs !== undefined) {
      this.timer = setInterval(() => void this.save(), this.reactor.checkpointEveryMs);
      this.timer.unref();
    }
  }

  /** Stops handing events over, lets `drain` finish the work under way, saves the checkpoint. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.wake();
    await this.subscription?.close();
    await this.following;
    await this.reactor.drain?.();
    await this.save();
  }

  /** True while an event is being handled or events it selects are waiting after its position. */
  async pending(): Promise<boolean> {
    if (this.busy) return true;
    const { types, categories } = this.reactor;
    for await (const _ of this.deps.eventStore.readAll({ after: this.position ?? undefined, types, ...(categories && { categories }), maxCount: 1 })) return true;
    return false;
  }

  status(): ProcessorStatus {
    const { name, types: handles } = this.reactor;
    const state = this.failure ? 'failed' : this.stopped ? 'stopped' : 'live';
    return { name, kind: 'reactor', handles, position: this.position, state, failure: this.failure, runsHere: true, skipped: this.skipped, rebuildable: false };
  }

  lag(): Promise<ProcessorLag> {
    return lagAfter(this.deps.eventStore, this.reactor.name, this.reactor, this.position, this.deps.clock);
  }

  private async startPosition(): Promise<bigint | null> {
    const { checkpointKey, startAt } = this.reactor;
    const saved = checkpointKey === null ? null : await this.deps.readStore!.checkpoint(checkpointKey);
    if (saved) return (this.savedPosition = saved.position);
    if (startAt === 'beginning') return null;
    const position = startAt === 'end' ? await this.deps.eventStore.headPosition() : await startAt(this.deps.eventStore);
    // Saved at once: a restart before the first event must not look for its start again.
    if (checkpointKey !== null) await this.write(position);
    return position;
  }

  private async catchUp(): Promise<void> {
    const { types, categories } = this.reactor;
    for await (const event of this.deps.eventStore.readAll({ after: this.position ?? undefined, types, ...(categories && { categories }) })) await this.process(event);
  }

  private async follow(): Promise<void> {
    const { types, categories } = this.reactor;
    while (!this.stopped) {
      const subscription = this.deps.eventStore.subscribe({ after: this.position ?? undefined, types, ...(categories && { categories }) });
      this.subscription = subscription;
      try {
        for await (const event of subscription) {
          if (this.stopped || !(await this.process(event))) break;
        }
      } catch (error) {
        if (this.stopped) break;
        this.notify({ kind: 'reactor_resubscribing', reactor: this.reactor.name, error });
        await this.pause(resubscribeMs);
      } finally {
        await subscription.close();
      }
    }
  }

  /** False when the reactor was stopped before the event was handled: the checkpoint stays before it. */
  private async process(event: RecordedEvent): Promise<boolean> {
    if (this.position !== null && event.position <= this.position) return true;
    this.busy = true;
    try {
      if ((this.reactor.accepts?.(event) ?? true) && !(await this.handle(event))) return false;
    } finally {
      this.busy = false;
    }
    this.position = event.position;
    this.failure = null;
    if (this.reactor.checkpointEveryMs === undefined) await this.save();
    return true;
  }

  /** The failure policy: retry after a backoff, wait without counting while "not yet", give up after the last attempt. */
  private async handle(event: RecordedEvent): Promise<boolean> {
    const { maxAttempts = 5, backoffMs = 1_000, isNotYet, waitRetryMs = 250, maxWaitMs = 10 * 60_000 } = this.reactor.retry ?? {};
    // Waits are in real time: the injected clock may be a test's manual one, which never moves by itself.
    const waitUntil = Date.now() + maxWaitMs;
    let attempt = 0;
    for (;;) {
      try {
        await this.reactor.handle(event);
        return true;
      } catch (error) {
        const notYet = isNotYet?.(error) ?? false;
        if (notYet && Date.now() <= waitUntil) {
          await this.pause(waitRetryMs);
        } else {
          attempt += 1;
          this.failure = { eventId: event.id, eventType: event.type, position: event.position.toString(), error: describeError(error), failedAt: this.deps.clock().toISOString() };
          // Still "not yet" after `maxWaitMs`: waiting again would not help.
          if (notYet || attempt >= maxAttempts) {
            this.notify({ kind: 'reactor_gave_up', reactor: this.reactor.name, eventId: event.id, eventType: event.type, error });
            await this.reactor.giveUp?.(event, error);
            this.skipped += 1;
            return true;
          }
          this.notify({ kind: 'reactor_retrying', reactor: this.reactor.name, eventId: event.id, attempt, error });
          await this.pause(backoffMs);
        }
        if (this.stopped) return false;
      }
    }
  }

  private async save(): Promise<void> {
    if (this.reactor.checkpointKey === null) return;
    const position = this.reactor.resumeAfter ? this.reactor.resumeAfter(this.position) : this.position;
    if (position === this.savedPosition) return;
    try {
      await this.write(position);
    } catch (error) {
      // The next save writes it; a crash meanwhile only hands the events since the last one over again.
      this.notify({ kind: 'reactor_checkpoint_failed', reactor: this.reactor.name, error });
    }
  }

  private async write(position: bigint | null): Promise<void> {
    const key = this.reactor.checkpointKey!;
    await this.deps.readStore!.saveCheckpoint({ projection: key, version: 1, collection: '', position, failure: null, updatedAt: this.deps.clock().toISOString() });
    this.savedPosition = position;
  }

  private pause(ms: number): Promise<void> {
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

  private notify(notice: ReactorNotice): void {
    this.deps.onNotice?.(notice);
  }
}
