/** A domain event as a decider produces it: a past-tense type and a JSON-serialisable payload. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** A command as a decider receives it: an imperative type, its payload and when the fact happened. */
export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  /** ISO-8601 instant at which the fact happened in the real world (not when it is recorded). */
  readonly occurredAt: string;
}

/** Where an event came from when a business tool reported it. */
export interface EventSource {
  readonly tool: string;
  readonly externalId: string;
}

export interface EventMetadata {
  /** When the fact happened in the source tool or the request (ISO-8601). KPIs bucket by this. */
  readonly occurredAt: string;
  /** When the store recorded it (ISO-8601); stamped by the store on append. */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string;
  readonly source?: EventSource;
  /** SHA-256 of the command an idempotency key produced this event for (see `commandDigest`). */
  readonly commandDigest?: string;
  /**
   * How the fact reached the log: absent for live commands (API, webhooks, sync, workflows);
   * `seed` for generated demo history, `import` for appended exports. Workflows act on live facts only.
   */
  readonly origin?: EventOrigin;
}

export type EventOrigin = 'seed' | 'import';

/** Metadata supplied by the writer; the store adds `recordedAt`. */
export type NewEventMetadata = Omit<EventMetadata, 'recordedAt'>;

export interface NewEvent<E extends DomainEvent = DomainEvent> {
  /** UUID; re-appending the same ids at the same place in a stream is a no-op. */
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: NewEventMetadata;
}

export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly stream: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** Global, strictly increasing (not necessarily contiguous) position in the store. */
  readonly position: bigint;
}
