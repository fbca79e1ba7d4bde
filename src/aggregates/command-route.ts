import type { Decider } from '../core/decider';
import type { Command, DomainEvent } from '../core/messages';

/** Reads another aggregate's current state; used by `enrich` for cross-aggregate facts. */
export type StateReader = <E extends DomainEvent, S>(decider: Decider<never, E, S>, stream: string) => Promise<S>;

/**
 * Facts from read models a decision may take into account where no aggregate holds them. They
 * are as of the read model's position: a concurrent command elsewhere may not be in them yet, so
 * a rule checked this way is documented as such.
 */
export interface CommandLookups {
  /** Hours one consultant has on `workDate` on projects other than `exceptProjectId`, live entries only. */
  hoursOnOtherProjects(consultantId: string, workDate: string, exceptProjectId: string): Promise<number>;
}

/** How one command type reaches its aggregate. */
export interface CommandRoute<C extends Command = Command, E extends DomainEvent = DomainEvent, S = unknown> {
  readonly decider: Decider<C, E, S>;
  readonly streamOf: (command: C) => string;
  /**
   * Adds facts owned by other aggregates that the decision needs (is the consultant active?),
   * read just before deciding. Such checks are consistent at read time only: the other aggregate
   * may change a moment later, which the business accepts.
   */
  readonly enrich?: (command: C, read: StateReader, lookups?: CommandLookups) => Promise<C>;
}

/** Routes keyed by command type; the type parameter ties each key to its command. */
export type CommandRoutes<C extends Command> = { readonly [T in C['type']]: CommandRoute<Extract<C, { type: T }> & C, DomainEvent, any> };
