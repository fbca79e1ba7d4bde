import { ANY, EventStoreDBClient, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';
import { ConcurrencyError, UpstreamError, ValidationError } from '../../core/errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  IntegrityReport,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../core/event-store.port';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../core/messages';
import { type Clock, systemClock } from '../../core/time';
import { describeDamage, EventDamageLog } from '../../core/event-damage';
import { logger } from '../../logging/logger';
import { validateAppend } from '../../core/append-rules';
import { endpointOf, translateError } from './eventstoredb-errors';
import { toEventData } from './eventstoredb-event-mapping';
import { headPosition, readAllEvents, readStreamEvents } from './eventstoredb-reads';
import { EventIdIndex } from './eventstoredb-id-index';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

export interface EventStoreDbOptions {
  /**
   * E.g. `esdb://localhost:2113?tls=false`; credentials go in it (`esdb://admin:changeit@…`) when
   * the server is secure, since reading `$all` needs them. Needs a server from 22.6 on.
   */
  readonly connectionString: string;
  /** Stamps `metadata.recordedAt`. */
  readonly clock?: Clock;
}

/**
 * The event store on EventStoreDB through `@eventstore/db-client`. Events and their metadata are
 * stored as JSON; positions are commit positions in `$all`; system events never reach callers.
 * Driver errors are translated here: `ConcurrencyError` for a wrong expected version, otherwise
 * `UpstreamError`.
 */
export async function openEventStoreDb(options: EventStoreDbOptions): Promise<EventStore> {
  const client = EventStoreDBClient.connectionString(options.connectionString);
  return new EventStoreDbEventStore(client, endpointOf(options.connectionString), options.clock ?? systemClock);
}

class EventStoreDbEventStore implements EventStore {
  readonly damage = new EventDamageLog();
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  /** Subscriptions from `'end'` the server has not confirmed yet: appends wait for them. */
  private readonly unconfirmed = new Set<Promise<void>>();
  private closed = false;
  private readonly idIndex = new EventIdIndex(this);

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly endpoint: string,
    private readonly clock: Clock,
  ) {
    this.damage.onDamage((damage) => logger.error({ component: 'event-store', damagedEvent: damage }, `damaged event skipped: ${describeDamage(damage)}`));
  }

  async append<E extends DomainEvent>(stream: string, events: readonly NewEvent<E>[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(stream, events, expected);
    if (events.length === 0) return this.emptyAppend(stream, expected);
    // Without this, an append could reach the server before a subscription from 'end' made just before it.
    if (this.unconfirmed.size > 0) await Promise.all(this.unconfirmed);
    const recordedAt = this.clock().toISOString();
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) => toEventData(stream, event, recordedAt)),
        { expectedRevision: toDriverRevision(expected) },
      );
      const position = result.position?.commit ?? (await this.positionOf(stream, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw this.translate(error, `append to ${stream}`, stream, String(expected));
    }
  }

  readStream<E extends DomainEvent = DomainEvent>(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    this.assertOpen();
    return readStreamEvents(this.client, stream, options, this.translateRead, this.damage) as AsyncIterable<RecordedEvent<E>>;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAllEvents(this.client, options, this.translateRead, this.damage);
  }

  async readEvent(id: string): Promise<RecordedEvent | null> {
    this.assertOpen();
    const location = await this.idIndex.locate(id);
    if (location === null) return null;
    const [event] = await collectAll(readStreamEvents(this.client, location.stream, { fromRevision: location.revision, maxCount: 1 }, this.translateRead, this.damage));
    return event?.id === id ? event : null;
  }

  async headPosition(): Promise<bigint | null> {
    this.assertOpen();
    return headPosition(this.client, this.translateRead);
  }

  /**
   * Reads the whole of `$all` (checksums and JSON are checked as every read does) and reports the
   * damaged events met, a page per turn of the event loop. Events written by other tools have no
   * checksum: they count among `withoutChecksum`.
   */
  async checkIntegrity(onProgress?: (checked: number) => void): Promise<IntegrityReport> {
    this.assertOpen();
    let sound = 0;
    let withoutChecksum = 0;
    for await (const _event of readAllEvents(this.client, {}, this.translateRead, this.damage, (unchecked) => void (withoutChecksum += unchecked ? 1 : 0))) {
      if (++sound % 5_000 === 0) {
        onProgress?.(sound);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const damaged = this.damage.list();
    onProgress?.(sound + damaged.length);
    return { checked: sound + damaged.length, withoutChecksum, damaged };
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const translate = (error: unknown) => this.translate(error, 'subscribe to $all');
    const subscription = new EventStoreDbSubscription(this.client, options, translate, this.damage, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(subscription);
    if (options.after === 'end') {
      const established = subscription.established.finally(() => this.unconfirmed.delete(established));
      this.unconfirmed.add(established);
    }
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idIndex.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** An empty append writes nothing: it checks the expected revision and reports the stream's head. */
  private async emptyAppend(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await collectAll(readStreamEvents(this.client, stream, { direction: 'backwards', maxCount: 1 }, this.translateRead, this.damage));
    const actual = last?.revision ?? null;
    const matches = expected === 'any' || (expected === 'no_stream' ? actual === null : expected === 'stream_exists' ? actual !== null : actual === expected);
    if (!matches) throw new ConcurrencyError(stream, String(expected), actual ?? 'no_stream');
    if (last === undefined) throw new ValidationError('stream.empty_append', `Nothing to append to ${stream}, which does not exist`, { stream });
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** Older servers answer an idempotent retry without a position: read it back. */
  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    const [event] = await collectAll(readStreamEvents(this.client, stream, { fromRevision: revision, maxCount: 1 }, this.translateRead, this.damage));
    if (event === undefined) throw new UpstreamError('event_store.missing_event', `EventStoreDB acknowledged ${stream}@${revision} but cannot read it`);
    return event.position;
  }

  private readonly translateRead = (error: unknown, operation: string, stream?: string): Error => this.translate(error, operation, stream);

  private translate(error: unknown, operation: string, stream?: string, expected?: string): Error {
    return translateError(error, {
      endpoint: this.endpoint,
      operation,
      ...(stream === undefined ? {} : { stream }),
      ...(expected === undefined ? {} : { expected }),
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new UpstreamError('event_store.closed', 'The event store is closed');
  }
}

function toDriverRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
