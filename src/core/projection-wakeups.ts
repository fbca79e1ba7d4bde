import type { EventStore, Subscription } from './event-store.port';
import type { ProjectionLoop } from './projection-loop';
import { Signal } from './signal';

/**
 * One subscription to the log for all of a runner's projections. It wakes only the loops that
 * handle what was appended: a webhook delivery does not make every read model query the store.
 * The others learn from `seenThrough` that they are not behind.
 */
export class ProjectionWakeups {
  /** Position of the newest event the subscription delivered. */
  seenThrough: bigint | null = null;
  /** Fired whenever a loop applied more of the log, or the subscription saw more of it. */
  readonly progress = new Signal();
  /** Fired once the runner stops. */
  readonly stopped = new Signal();
  private readonly signals = new Map<string, Signal>();
  private subscription: Subscription | null = null;

  /** The signal that wakes projection `name`'s loop. */
  of(name: string): Signal {
    let signal = this.signals.get(name);
    if (!signal) this.signals.set(name, (signal = new Signal()));
    return signal;
  }

  /** Follows the log from now on; settles when the subscription ends or fails. */
  async follow(eventStore: EventStore, loops: () => Iterable<ProjectionLoop>): Promise<void> {
    this.subscription = eventStore.subscribe({ after: 'end' });
    for await (const event of this.subscription) {
      this.seenThrough = event.position;
      for (const loop of loops()) {
        if (!loop.projection.handles.includes(event.type)) continue;
        loop.lastHandledSeen = event.position;
        this.of(loop.projection.name).fire();
      }
      this.progress.fire();
    }
  }

  /** Wakes everyone (so they see the runner stopped) and ends the subscription. */
  async close(): Promise<void> {
    for (const signal of this.signals.values()) signal.fire();
    this.progress.fire();
    this.stopped.fire();
    await this.subscription?.close();
  }
}
