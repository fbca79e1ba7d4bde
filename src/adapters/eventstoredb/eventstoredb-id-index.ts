import { UpstreamError } from '../../core/errors';
import type { EventStore, Subscription } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';

interface Location {
  readonly stream: string;
  readonly revision: bigint;
}

/**
 * EventStoreDB has no index by event id: this is one, kept as an in-process read model of `$all`
 * (id → stream and revision). It is built on the first look-up — one pass over the log — and kept
 * live by a subscription, so every later `readEvent` is a map look-up plus a one-event stream read.
 * A look-up waits until the index has caught up with the head it saw when asked, so an event
 * appended before the call is always found.
 */
export class EventIdIndex {
  private readonly locations = new Map<string, Location>();
  private indexedThrough: bigint | null = null;
  private subscription: Subscription | null = null;
  private following: Promise<void> | null = null;
  private readonly waiters: Array<{ position: bigint; resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(private readonly store: Pick<EventStore, 'subscribe' | 'headPosition'>) {}

  async locate(id: string): Promise<Location | null> {
    const head = await this.store.headPosition();
    this.start();
    if (head !== null) await this.caughtUpTo(head);
    return this.locations.get(id) ?? null;
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.following;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new UpstreamError('event_store.closed', 'The event store is closed'));
  }

  private start(): void {
    if (this.subscription) return;
    this.subscription = this.store.subscribe();
    this.following = this.follow(this.subscription);
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) this.add(event);
    } catch (error) {
      // A dropped feed fails the look-ups waiting on it and starts again, from the beginning, at the next one.
      this.subscription = null;
      this.indexedThrough = null;
      this.locations.clear();
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    }
  }

  private add(event: RecordedEvent): void {
    this.locations.set(event.id, { stream: event.stream, revision: event.revision });
    this.indexedThrough = event.position;
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      const waiter = this.waiters[index]!;
      if (waiter.position <= event.position) {
        this.waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }

  private caughtUpTo(position: bigint): Promise<void> {
    if (this.indexedThrough !== null && this.indexedThrough >= position) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }
}
