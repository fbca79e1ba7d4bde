import type { Decider } from '../core/decider';
import type { Command, DomainEvent } from '../core/messages';

/** Reads another aggregate's current state; used by `enrich` for cross-aggregate facts. */
export type StateReader = <E extends DomainEvent, S>(decider: Decider<never, E, S>, stream: string) => Promise<S>;

/** How one command type reaches its aggregate. */
export interface CommandRoute<C extends Command = Command, E extends DomainEvent = DomainEvent, S = unknown> {
  readonly decider: Decider<C, E, S>;
  readonly streamOf: (command: C) => string;
  /**
   * Adds facts owned by other aggregates that the decision needs (is the consultant active?),
   * read just before deciding. Such checks are consistent at read time only: the other aggregate
   * may change a moment later, which the business accepts.
   */
  readonly enrich?: (command: C, read: StateReader) => Promise<C>;
}

/** Routes keyed by command type; the type parameter ties each key to its command. */
export type CommandRoutes<C extends Command> = { readonly [T in C['type']]: CommandRoute<Extract<C, { type: T }> & C, DomainEvent, any> };
