import type { Decider } from './decider';
import type { EventStore } from './event-store.port';
import type { DomainEvent, RecordedEvent } from './messages';

export interface LoadedAggregate<S> {
  readonly state: S;
  readonly revision: bigint | null;
  readonly position: bigint | null;
}

type Folder<E extends DomainEvent, S> = Pick<Decider<never, E, S>, 'initialState' | 'evolve'>;

/** Folds a whole stream; `onEvent` sees each recorded event (e.g. to find an idempotency key). */
export async function loadAggregate<E extends DomainEvent, S>(
  store: EventStore,
  decider: Folder<E, S>,
  stream: string,
  from: LoadedAggregate<S> = { state: decider.initialState, revision: null, position: null },
  onEvent: (event: RecordedEvent) => void = () => undefined,
): Promise<LoadedAggregate<S>> {
  let { state, revision, position } = from;
  const fromRevision = revision === null ? undefined : revision + 1n;
  for await (const event of store.readStream<E>(stream, { fromRevision })) {
    state = decider.evolve(state, { type: event.type, data: event.data } as E);
    revision = event.revision;
    position = event.position;
    onEvent(event);
  }
  return { state, revision, position };
}

/**
 * Keeps recently used aggregate states in memory (least recently used evicted first). A cached
 * state is only a starting point: every load still reads the events appended after it, so a
 * write from another process is never missed. States are immutable, so sharing them is safe.
 */
export class AggregateCache {
  private readonly entries = new Map<string, { decider: object; loaded: LoadedAggregate<unknown> }>();

  constructor(private readonly maxEntries = 10_000) {}

  async load<E extends DomainEvent, S>(store: EventStore, decider: Folder<E, S>, stream: string): Promise<LoadedAggregate<S>> {
    const cached = this.entries.get(stream);
    const from = cached && cached.decider === decider ? (cached.loaded as LoadedAggregate<S>) : undefined;
    const loaded = await loadAggregate(store, decider, stream, from);
    this.remember(stream, decider, loaded);
    return loaded;
  }

  /** The state held for the stream, only when it was folded by this decider; no read. */
  peek<S>(stream: string, decider: object): LoadedAggregate<S> | undefined {
    const cached = this.entries.get(stream);
    return cached && cached.decider === decider ? (cached.loaded as LoadedAggregate<S>) : undefined;
  }

  remember<S>(stream: string, decider: object, loaded: LoadedAggregate<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, { decider, loaded });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }
}
