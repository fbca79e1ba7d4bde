import type { EventStore } from './event-store.port';
import type { RecordedEvent } from './messages';
import type { EventSelection } from './processor';

/**
 * Where a reactor that has no checkpoint yet starts: at the first event (`beginning`: an index
 * held in memory), after the last one recorded (`end`: counters, forwarding), or at a position
 * found once and then saved (workflows: the head when they first start, so they do not act again
 * on everything ever recorded).
 */
export type ReactorStart = 'beginning' | 'end' | ((eventStore: EventStore) => Promise<bigint | null>);

/** The one failure policy of reactors (projections stop on the event instead: their fold is pure). */
export interface ReactorRetry {
  /** Failures of one event before the reactor gives up on it and moves on (default 5). */
  readonly maxAttempts?: number;
  /** Wait between two attempts at a failing event (ms, default 1,000). */
  readonly backoffMs?: number;
  /**
   * An error that is no failure but "not yet" (a workflow run still being recorded): the event is
   * handed over again every `waitRetryMs` (default 250) without counting, for at most `maxWaitMs`
   * (default 10 minutes); then it counts as a failure like any other.
   */
  readonly isNotYet?: (error: unknown) => boolean;
  readonly waitRetryMs?: number;
  readonly maxWaitMs?: number;
}

/**
 * Something that acts on events as they are recorded: `handle` is called once per event, in log
 * order, one at a time. Its side effects must be idempotent: after a crash the events since its
 * last checkpoint are handed over again.
 */
export interface Reactor extends EventSelection {
  readonly name: string;
  readonly startAt: ReactorStart;
  /**
   * Key of its row in the read store's checkpoints (beside the projections'), or null when it keeps
   * no position: its state lives in memory and is built again at each start. A reactor that moved
   * here from its own loop keeps the key its loop wrote (`workflow:<name>`, `worker:webhook_ingest`),
   * so a store upgraded in place resumes where it was instead of acting again from the start.
   */
  readonly checkpointKey: string | null;
  handle(event: RecordedEvent): Promise<void> | void;
  /** Events it passes over (the checkpoint moves past them); default: it takes all it selects. */
  readonly accepts?: (event: RecordedEvent) => boolean;
  readonly retry?: ReactorRetry;
  /** After the last attempt at an event: records why (a failed run), before the reactor moves on. */
  giveUp?(event: RecordedEvent, error: unknown): Promise<void>;
  /** Save the checkpoint at most this often (ms) rather than after each event: for reactors that see many events. */
  readonly checkpointEveryMs?: number;
  /**
   * For a reactor whose work outlives `handle` (the webhook worker attempts deliveries in the
   * background): the position a restart must resume after, given the last event handled.
   */
  resumeAfter?(handled: bigint | null): bigint | null;
  /** Told the position it starts after (its checkpoint, or where `startAt` put it), before the first event. */
  started?(position: bigint | null): void;
  /** On stop, once no event is handed over any more: lets work still under way finish. */
  drain?(): Promise<void>;
  /** `start` resolves only once every event already recorded was handled (an index nobody may read half-built). */
  readonly catchUpBeforeStart?: boolean;
}

export type ReactorNotice =
  | { readonly kind: 'reactor_retrying'; readonly reactor: string; readonly eventId: string; readonly attempt: number; readonly error: unknown }
  | { readonly kind: 'reactor_gave_up'; readonly reactor: string; readonly eventId: string; readonly eventType: string; readonly error: unknown }
  | { readonly kind: 'reactor_resubscribing'; readonly reactor: string; readonly error: unknown }
  | { readonly kind: 'reactor_checkpoint_failed'; readonly reactor: string; readonly error: unknown };
