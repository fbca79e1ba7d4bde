import {
  END,
  START,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
} from '@eventstore/db-client';
import { UpstreamError } from '../../core/errors';
import type { SubscribeOptions, Subscription } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { EventDamageLog } from '../../core/event-damage';
import { decodeResolved, isSystemEvent, selects, selectsNothing } from './eventstoredb-event-mapping';
import { positionAt } from './eventstoredb-reads';

type Waiter = { resolve: (result: IteratorResult<RecordedEvent>) => void; reject: (error: Error) => void };

const highWaterMark = 1_000;

/**
 * A catch-up subscription to `$all` exposed as an async iterable. The server filters as much as
 * one filter can (categories by stream prefix, else types, else system events); the exact
 * selection is checked again here. Delivery pauses the gRPC stream while the caller lags behind.
 */
export class EventStoreDbSubscription implements Subscription {
  /** Settles once the server has confirmed the subscription (or it failed or was closed). */
  readonly established: Promise<void>;
  private readonly source: AllStreamSubscription | undefined;
  private readonly buffer: RecordedEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: Error | undefined;
  private closed = false;
  private lastPosition: bigint | undefined;

  constructor(
    client: EventStoreDBClient,
    private readonly options: SubscribeOptions,
    private readonly translate: (error: unknown) => Error,
    private readonly damage: EventDamageLog,
    private readonly onClose: (subscription: EventStoreDbSubscription) => void = () => {},
  ) {
    this.lastPosition = typeof options.after === 'bigint' ? options.after : undefined;
    if (selectsNothing(options)) {
      this.established = Promise.resolve();
      return;
    }
    const fromPosition = options.after === undefined ? START : options.after === 'end' ? END : positionAt(options.after);
    const source = client.subscribeToAll({ fromPosition, filter: serverFilter(options) });
    this.source = source;
    this.established = new Promise((resolve) => {
      const settle = () => resolve();
      source.once('confirmation', settle).once('error', settle).once('close', settle);
    });
    source.on('data', (resolved: AllStreamResolvedEvent) => this.receive(resolved));
    source.on('error', (error) => this.fail(this.translate(error)));
    source.on('end', () => this.fail(new UpstreamError('event_store.subscription_dropped', 'EventStoreDB ended the subscription')));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.buffer.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.resolve({ done: true, value: undefined });
    if (this.source === undefined) return;
    this.source.removeAllListeners('data');
    await this.source.unsubscribe();
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.buffer.shift();
    if (event !== undefined) {
      if (this.buffer.length < highWaterMark / 2) this.source?.resume();
      return Promise.resolve({ done: false, value: event });
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private receive(resolved: AllStreamResolvedEvent): void {
    const raw = resolved.event;
    if (this.closed || raw === undefined) return;
    const position = raw.position.commit;
    if (this.lastPosition !== undefined && position <= this.lastPosition) return;
    this.lastPosition = position;
    if (isSystemEvent(raw)) return;
    let event: RecordedEvent;
    try {
      const decoded = decodeResolved(resolved, this.damage);
      if (decoded === null) return;
      event = decoded;
    } catch (error) {
      return this.fail(this.translate(error));
    }
    if (!selects(this.options, event)) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) return waiter.resolve({ done: false, value: event });
    this.buffer.push(event);
    if (this.buffer.length >= highWaterMark) this.source?.pause();
  }

  private fail(error: Error): void {
    if (this.closed || this.failure !== undefined) return;
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}

/** Categories as stream prefixes (`Invoice-`), else exact types, else just no system events. */
function serverFilter({ types, categories }: SubscribeOptions): Filter {
  if (categories !== undefined) return streamNameFilter({ prefixes: categories.map((category) => `${category}-`) });
  if (types !== undefined) return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
