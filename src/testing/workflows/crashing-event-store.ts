import type { AppendResult, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../../core/event-store.port';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../core/messages';

type AppendMatcher = (stream: string, events: readonly NewEvent[]) => boolean;

/**
 * The real store, except that one chosen append fails as if the worker died just before it:
 * the tool was called, its outcome never recorded. Specs then restart the engine on the same files.
 */
export class CrashingEventStore implements EventStore {
  private matcher: AppendMatcher | null = null;
  private remaining = 0;
  private signal: (() => void) | null = null;

  constructor(private readonly inner: EventStore) {}

  /** Resolves when the matching append has been refused `times` times. */
  crashBefore(matcher: AppendMatcher, times = 1): Promise<void> {
    this.matcher = matcher;
    this.remaining = times;
    return new Promise((resolve) => (this.signal = resolve));
  }

  append<E extends DomainEvent>(stream: string, events: readonly NewEvent<E>[], expected?: ExpectedRevision): Promise<AppendResult> {
    if (this.matcher?.(stream, events)) {
      this.remaining -= 1;
      if (this.remaining === 0) {
        this.matcher = null;
        this.signal?.();
      }
      return Promise.reject(new Error(`simulated crash before appending to ${stream}`));
    }
    return this.inner.append(stream, events, expected);
  }

  readStream<E extends DomainEvent = DomainEvent>(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>> {
    return this.inner.readStream<E>(stream, options);
  }

  readEvent(id: string): Promise<RecordedEvent | null> {
    return this.inner.readEvent(id);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<bigint | null> {
    return this.inner.headPosition();
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Matches the append that records a step's completion. */
export const completionOf = (step: string): AppendMatcher => (stream, events) =>
  stream.startsWith('WorkflowSteps-') && events.some((event) => event.type === 'WorkflowStepCompleted' && (event.data as { step?: string }).step === step);
