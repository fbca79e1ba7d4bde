import type { Decider } from './decider';
import { AggregateCache, loadAggregate } from './aggregate-cache';
import { assertExpectedRevision } from './append-rules';
import { commandDigest } from './command-digest';
import { ConcurrencyError, ConflictError } from './errors';
import type { AppendResult, EventStore, ExpectedRevision } from './event-store.port';
import { deterministicId, randomId, type IdGenerator } from './ids';
import { KeyedMutex } from './keyed-mutex';
import type { Command, DomainEvent, EventOrigin, EventSource, NewEvent, RecordedEvent } from './messages';
import { normaliseInstant } from './time';

export interface CommandMetadata {
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly source?: EventSource;
  /** The stream revision the caller based its command on; a mismatch is a CONFLICT, never retried. */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * Client-supplied key: a command retried with the same key on the same stream acts once. The
   * key is stored with the digest of its command; the same key with another command is refused
   * (`idempotency_key_reuse`).
   */
  readonly idempotencyKey?: string;
  /** The digest to store with the key; the bus computes it before enrichment. Default: of the command. */
  readonly commandDigest?: string;
  /** Set by the demo seed and the import: workflows never act on such facts. */
  readonly origin?: EventOrigin;
  /**
   * Ids of the decided events, for writers whose repeat must land on the same ids (one outcome
   * per delivery attempt: a second append of them stores nothing). Ignored with an idempotency
   * key, which derives ids of its own. Default: new ids.
   */
  readonly eventIdOf?: (event: DomainEvent, index: number) => string;
}

export type CommandResult<E extends DomainEvent = DomainEvent> =
  | {
      readonly status: 'appended';
      readonly stream: string;
      readonly events: readonly RecordedEvent<E>[];
      readonly nextExpectedRevision: bigint;
      readonly position: bigint;
      /** True when the idempotency key had already been handled: these are the original events. */
      readonly replayed: boolean;
    }
  | {
      readonly status: 'unchanged';
      readonly stream: string;
      readonly events: readonly [];
      readonly nextExpectedRevision: bigint | null;
      readonly position: bigint | null;
      readonly replayed: false;
    };

export interface CommandHandlerOptions {
  readonly newId?: IdGenerator;
  readonly cache?: AggregateCache;
  /**
   * Retries after a version conflict when the caller gave no expected revision. Commands on one
   * stream in this process are queued, so conflicts only come from other processes.
   */
  readonly maxConflictRetries?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * False: appended events are not read back, and an `appended` result carries no `events`, only
   * the stream's new revision and the position: for writers that need nothing more (webhook
   * intake: a read less per delivery). Default true: results hold the events as stored.
   */
  readonly readBack?: boolean;
}

/**
 * Read the stream, fold, decide, append with the revision read. Conflicts are retried (bounded,
 * jittered) unless the caller pinned an expected revision. A rejected command appends nothing.
 */
export type CommandHandler = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
) => Promise<CommandResult<E>>;

export function createCommandHandler(store: EventStore, options: CommandHandlerOptions = {}): CommandHandler {
  const newId = options.newId ?? randomId;
  const maxRetries = options.maxConflictRetries ?? 10;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = options.cache ?? new AggregateCache();
  const streamLocks = new KeyedMutex();

  return function handle<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    metadata: CommandMetadata,
  ): Promise<CommandResult<E>> {
    let occurredAt: string;
    try {
      occurredAt = normaliseInstant(command.occurredAt);
    } catch (error) {
      return Promise.reject(error);
    }
    const correlationId = metadata.correlationId ?? newId();
    const key = metadata.idempotencyKey;
    const digest = key === undefined ? undefined : (metadata.commandDigest ?? commandDigest(command));
    const keyedId = (index: number) => deterministicId(`${stream}\u0000${key}\u0000${index}`);
    const eventId = (event: DomainEvent, index: number) => (key !== undefined ? keyedId(index) : metadata.eventIdOf ? metadata.eventIdOf(event, index) : newId());

    return streamLocks.run(stream, async () => {
      for (let attempt = 0; ; attempt++) {
        const { loaded, previous, read } = await load(decider, stream, key === undefined ? null : keyedId, metadata.expectedRevision);
        if (previous.length > 0) {
          ensureSameCommand(previous[0]!, digest!, key!, command.type);
          return appendedResult(stream, previous as RecordedEvent<E>[], true);
        }
        if (metadata.expectedRevision !== undefined && !decider.logOnly) assertExpectedRevision(stream, metadata.expectedRevision, loaded.revision);

        const decided = decider.decide(command, loaded.state);
        if (decided.length === 0) {
          // Nothing to append, so no append checks the revision: a state taken unread is checked now.
          const current = read || decider.logOnly ? loaded : await cache.load(store, decider, stream);
          if (metadata.expectedRevision !== undefined && !decider.logOnly) assertExpectedRevision(stream, metadata.expectedRevision, current.revision);
          return { status: 'unchanged', stream, events: [], nextExpectedRevision: current.revision, position: current.position, replayed: false };
        }
        const newEvents: NewEvent<E>[] = decided.map((event, index) => ({
          id: eventId(event, index),
          type: event.type,
          data: event.data,
          metadata: {
            occurredAt,
            correlationId,
            causationId: metadata.causationId ?? null,
            actor: metadata.actor,
            ...(metadata.source ? { source: metadata.source } : {}),
            ...(digest !== undefined ? { commandDigest: digest } : {}),
            ...(metadata.origin ? { origin: metadata.origin } : {}),
          },
        }));
        let appendResult: AppendResult;
        try {
          appendResult = await store.append(stream, newEvents, decider.logOnly ? (metadata.expectedRevision ?? 'any') : (loaded.revision ?? 'no_stream'));
        } catch (error) {
          const mayRetry = error instanceof ConcurrencyError && metadata.expectedRevision === undefined && attempt < maxRetries;
          if (!mayRetry) throw error;
          await sleep(Math.round(random() * 5 * 2 ** Math.min(attempt, 6)));
          continue;
        }
        const { nextExpectedRevision, position } = appendResult;
        if (!decider.logOnly) cache.remember(stream, decider, { state: decided.reduce(decider.evolve, loaded.state), revision: nextExpectedRevision, position });
        if (options.readBack === false) return { status: 'appended', stream, events: [], nextExpectedRevision, position, replayed: false };
        return appendedResult(stream, (await readBack(store, stream, loaded.revision, newEvents.length)) as RecordedEvent<E>[], false);
      }
    });
  };

  /**
   * With an idempotency key the whole stream is read, to find the events the key already produced.
   * Without one, nothing is read when the outcome cannot depend on it: a log-only decider, a
   * stream expected not to exist yet, or one cached at exactly the revision the caller pinned (the
   * append at that revision fails if anything came after, as a read would have found).
   */
  async function load<E extends DomainEvent, S>(decider: Decider<never, E, S>, stream: string, keyedId: ((index: number) => string) | null, expected: ExpectedRevision | undefined) {
    const none: RecordedEvent[] = [];
    if (keyedId === null) {
      if (decider.logOnly || expected === 'no_stream') return { loaded: { state: decider.initialState, revision: null, position: null }, previous: none, read: false };
      const cached = typeof expected === 'bigint' ? cache.peek<S>(stream, decider) : undefined;
      if (cached !== undefined && cached.revision === expected) return { loaded: cached, previous: none, read: false };
      return { loaded: await cache.load(store, decider, stream), previous: none, read: true };
    }
    const previous: RecordedEvent[] = [];
    let collecting = true;
    const loaded = await loadAggregate(store, decider, stream, undefined, (event) => {
      if (collecting && event.id === keyedId(previous.length)) previous.push(event);
      else if (previous.length > 0) collecting = false;
    });
    cache.remember(stream, decider, loaded);
    return { loaded, previous, read: true };
  }
}

/** Events stored before digests were kept carry none: they are taken as the same command. */
function ensureSameCommand(first: RecordedEvent, digest: string, key: string, type: string): void {
  const stored = first.metadata.commandDigest;
  if (stored === undefined || stored === digest) return;
  throw new ConflictError(
    'idempotency_key_reuse',
    `Idempotency key "${key}" was already used for a different command on ${first.stream}; use a new key for ${type}`,
    { stream: first.stream, firstEventId: first.id },
  );
}

async function readBack(store: EventStore, stream: string, revisionBefore: bigint | null, count: number): Promise<RecordedEvent[]> {
  const fromRevision = revisionBefore === null ? 0n : revisionBefore + 1n;
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream, { fromRevision, maxCount: count })) events.push(event);
  return events;
}

function appendedResult<E extends DomainEvent>(stream: string, events: readonly RecordedEvent<E>[], replayed: boolean): CommandResult<E> {
  const last = events.at(-1)!;
  return { status: 'appended', stream, events, nextExpectedRevision: last.revision, position: last.position, replayed };
}
