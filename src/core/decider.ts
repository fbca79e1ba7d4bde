import type { Command, DomainEvent } from './messages';

/**
 * A decider: pure business logic of one aggregate, no I/O. Time and ids arrive with the command.
 * `decide` returns `[]` when the command is already satisfied and throws `DomainRuleError` when a
 * rule is broken; `evolve` leaves the state as it is for events it does not know.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  /**
   * True for a log whose decisions never depend on its earlier events (refused webhook requests):
   * the command handler neither reads nor caches such a stream and appends at `any` unless the
   * caller pins a revision. Absent: the stream is read and folded before every decision.
   */
  readonly logOnly?: boolean;
}

export function fold<E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: Iterable<E>): S {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
