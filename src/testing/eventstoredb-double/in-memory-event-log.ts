/**
 * The storage of the in-memory EventStoreDB double: one ordered log (`$all`) plus a per-stream
 * index, with the append rules of EventStoreDB's commit check (expected version, idempotency by
 * event id). Knows nothing about gRPC.
 */

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  readonly stream: string;
  readonly revision: bigint;
  /** Commit and prepare position are equal, as for every event appended through gRPC. */
  readonly position: bigint;
  /** .NET ticks (100 ns since 0001-01-01), as the server puts in the `created` metadata key. */
  readonly createdTicks: bigint;
}

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** `currentRevision` -1 means the stream does not exist; `position` null means none reported. */
export type AppendOutcome =
  | { readonly ok: true; readonly currentRevision: bigint; readonly position: bigint | null; readonly idempotent: boolean }
  | { readonly ok: false; readonly currentRevision: bigint };

export type ReadFrom = 'start' | 'end' | bigint;

export interface ReadRange {
  readonly from: ReadFrom;
  readonly direction: 'forwards' | 'backwards';
  readonly count: bigint;
}

type AppendListener = (event: StoredEvent) => void;

const noStream = -1n;
const unixEpochTicks = 621_355_968_000_000_000n;
/** A fresh real server does not start at 0: its own records come first. */
const firstPosition = 1_024n;

export class InMemoryEventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<AppendListener>();
  private nextPosition = firstPosition;

  append(stream: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
    const current = this.lastRevision(stream);
    const decision = decide(this.streams.get(stream) ?? [], current, expected, events);
    if (decision.kind === 'wrong_expected_version') return { ok: false, currentRevision: current };
    if (decision.kind === 'idempotent') {
      const last = this.streams.get(stream)![Number(decision.lastRevision)]!;
      return { ok: true, currentRevision: decision.lastRevision, position: last.position, idempotent: true };
    }
    const stored = events.map((event) => this.store(stream, event));
    for (const event of stored) for (const listener of this.listeners) listener(event);
    const last = stored.at(-1);
    return { ok: true, currentRevision: last?.revision ?? current, position: last?.position ?? null, idempotent: false };
  }

  lastRevision(stream: string): bigint {
    return BigInt((this.streams.get(stream)?.length ?? 0) - 1);
  }

  /** `null` when the stream does not exist. Revisions are inclusive in both directions. */
  readStream(stream: string, range: ReadRange): StoredEvent[] | null {
    const events = this.streams.get(stream);
    if (events === undefined) return null;
    const byRevision = (event: StoredEvent) => event.revision;
    return slice(events, byRevision, range, 'inclusive');
  }

  /** Forwards from a position includes the event at it; backwards excludes it (as the server). */
  readAll(range: ReadRange): StoredEvent[] {
    return slice(this.all, (event) => event.position, range, range.direction === 'forwards' ? 'inclusive' : 'exclusive');
  }

  /** Events strictly after `position` (all of them for `null`). */
  eventsAfter(position: bigint | null): StoredEvent[] {
    return position === null ? [...this.all] : this.all.filter((event) => event.position > position);
  }

  lastPosition(): bigint | null {
    return this.all.at(-1)?.position ?? null;
  }

  /** Calls `listener` synchronously for every event stored from now on; returns the unsubscriber. */
  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private store(stream: string, event: ProposedEvent): StoredEvent {
    const events = this.streams.get(stream) ?? [];
    const stored: StoredEvent = {
      ...event,
      stream,
      revision: BigInt(events.length),
      position: this.nextPosition,
      createdTicks: BigInt(Date.now()) * 10_000n + unixEpochTicks,
    };
    // Positions are byte offsets in a real log: increasing, never contiguous.
    this.nextPosition += BigInt(64 + stream.length + event.type.length + event.data.length + event.customMetadata.length);
    events.push(stored);
    this.streams.set(stream, events);
    this.all.push(stored);
    return stored;
  }
}

type Decision =
  | { readonly kind: 'write' }
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong_expected_version' };

/** The server's commit check, without its caches: the double always sees every stored id. */
function decide(stream: readonly StoredEvent[], current: bigint, expected: ExpectedState, events: readonly ProposedEvent[]): Decision {
  switch (expected.kind) {
    case 'stream_exists':
      if (current === noStream) return { kind: 'wrong_expected_version' };
      return decideByIds(stream, events);
    case 'any':
      return decideByIds(stream, events);
    case 'no_stream':
      return decideAtRevision(stream, current, noStream, events);
    case 'revision':
      return decideAtRevision(stream, current, expected.revision, events);
  }
}

/** With no version to compare, a batch whose ids are all already in the stream is a retry. */
function decideByIds(stream: readonly StoredEvent[], events: readonly ProposedEvent[]): Decision {
  const revisions = events.map((event) => stream.find((stored) => stored.id === event.id)?.revision);
  if (revisions.length === 0 || revisions[0] === undefined) return { kind: 'write' };
  if (revisions.some((revision) => revision === undefined)) return { kind: 'wrong_expected_version' };
  return { kind: 'idempotent', lastRevision: revisions.at(-1)! };
}

/** Behind the expected revision, the batch is a retry only if its ids sit right after it. */
function decideAtRevision(stream: readonly StoredEvent[], current: bigint, expected: bigint, events: readonly ProposedEvent[]): Decision {
  if (expected === current) return { kind: 'write' };
  if (expected > current || events.length === 0) return { kind: 'wrong_expected_version' };
  const matches = events.every((event, index) => stream[Number(expected) + 1 + index]?.id === event.id);
  if (!matches) return { kind: 'wrong_expected_version' };
  return { kind: 'idempotent', lastRevision: expected + BigInt(events.length) };
}

function slice(
  events: readonly StoredEvent[],
  keyOf: (event: StoredEvent) => bigint,
  range: ReadRange,
  bound: 'inclusive' | 'exclusive',
): StoredEvent[] {
  const count = range.count > BigInt(events.length) ? events.length : Number(range.count);
  const from = range.from === 'start' ? 0n : range.from;
  if (range.direction === 'forwards') {
    if (from === 'end') return [];
    const isAfter = (event: StoredEvent) => (bound === 'inclusive' ? keyOf(event) >= from : keyOf(event) > from);
    return events.filter(isAfter).slice(0, count);
  }
  const isBefore = (event: StoredEvent) => from === 'end' || (bound === 'inclusive' ? keyOf(event) <= from : keyOf(event) < from);
  return events.filter(isBefore).reverse().slice(0, count);
}
