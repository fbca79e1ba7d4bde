import { type BusinessCommand, commandRoutes } from '../aggregates';
import type { CommandRoute, StateReader } from '../aggregates/command-route';
import { isAppError } from '../core/errors';
import { type IdGenerator, randomId } from '../core/ids';
import type { DomainEvent, NewEvent } from '../core/messages';
import { normaliseInstant } from '../core/time';

/** The events one command produced, ready to append to its stream. */
export interface DecidedAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
}

export interface DecideHistoryOptions {
  readonly newId?: IdGenerator;
  /** Written as `metadata.actor` (default `demo`). */
  readonly actor?: string;
}

/** A generated command its decider refused (or that changed nothing): a bug in the generator. */
export class RejectedHistoryCommandError extends Error {
  constructor(
    readonly index: number,
    readonly command: BusinessCommand,
    readonly stream: string,
    reason: string,
    options?: { cause: unknown },
  ) {
    super(`Generated command #${index} ${command.type} at ${command.occurredAt} on ${stream} ${reason}; data: ${JSON.stringify(command.data)}`, options);
    this.name = 'RejectedHistoryCommandError';
  }
}

/**
 * Decides a generated history without the command handler's I/O: each stream's state stays in
 * memory, and the route's own decider (after its `enrich`, which reads the other streams' states
 * from the same memory) turns every command into events. Every command must produce events.
 */
export async function* decideHistory(commands: Iterable<BusinessCommand>, options: DecideHistoryOptions = {}): AsyncGenerator<DecidedAppend> {
  const newId = options.newId ?? randomId;
  const actor = options.actor ?? 'demo';
  const states = new Map<string, unknown>();
  const read: StateReader = async (decider, stream) => (states.has(stream) ? states.get(stream) : decider.initialState) as never;
  let index = 0;
  for (const command of commands) {
    const route: CommandRoute<BusinessCommand, DomainEvent, unknown> = commandRoutes[command.type];
    const enriched = route.enrich ? await route.enrich(command, read) : command;
    const stream = route.streamOf(enriched);
    const state = states.has(stream) ? states.get(stream) : route.decider.initialState;
    const decided = decideOrExplain(route, enriched, state, index, stream);
    states.set(stream, decided.reduce(route.decider.evolve, state));
    const metadata = { occurredAt: normaliseInstant(command.occurredAt), correlationId: newId(), causationId: null, actor, origin: 'seed' as const };
    yield { stream, events: decided.map((event) => ({ id: newId(), type: event.type, data: event.data, metadata })) };
    index++;
  }
}

function decideOrExplain(route: CommandRoute<BusinessCommand, DomainEvent, unknown>, command: BusinessCommand, state: unknown, index: number, stream: string): DomainEvent[] {
  let decided: DomainEvent[];
  try {
    decided = route.decider.decide(command, state);
  } catch (error) {
    const reason = isAppError(error) ? `was rejected with ${error.code}: ${error.message}` : `failed: ${String(error)}`;
    throw new RejectedHistoryCommandError(index, command, stream, reason, { cause: error });
  }
  if (decided.length === 0) throw new RejectedHistoryCommandError(index, command, stream, 'changed nothing (its decider saw it as already done)');
  return decided;
}
