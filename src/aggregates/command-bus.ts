import { AggregateCache } from '../core/aggregate-cache';
import { commandDigest } from '../core/command-digest';
import { createCommandHandler, type CommandHandlerOptions, type CommandMetadata, type CommandResult } from '../core/command-handler';
import { ValidationError } from '../core/errors';
import type { EventStore } from '../core/event-store.port';
import type { Command } from '../core/messages';
import type { CommandLookups, CommandRoute, StateReader } from './command-route';
import { ensureInFactWindow, type FactWindow } from './fact-window';

export interface CommandBusOptions extends CommandHandlerOptions {
  /** Dates outside it are refused before any decider runs; absent, nothing is checked (deciders' own rules still apply). */
  readonly factWindow?: FactWindow;
  readonly clock?: () => Date;
  /** Read-model facts for rules no aggregate holds (a consultant's hours across projects). */
  readonly lookups?: CommandLookups;
}

export interface CommandBus<C extends Command> {
  /** Routes the command to its aggregate, decides and appends; see `createCommandHandler`. */
  execute(command: C, metadata: CommandMetadata): Promise<CommandResult>;
}

export function createCommandBus<C extends Command>(
  store: EventStore,
  routes: { readonly [type: string]: CommandRoute<any, any, any> },
  options: CommandBusOptions = {},
): CommandBus<C> {
  const clock = options.clock ?? (() => new Date());
  const cache = options.cache ?? new AggregateCache();
  const handle = createCommandHandler(store, { ...options, cache });
  const read: StateReader = async (decider, stream) => (await cache.load(store, decider, stream)).state;

  return {
    async execute(command, metadata) {
      const route = Object.hasOwn(routes, command.type) ? routes[command.type] : undefined;
      if (!route) throw new ValidationError('command.unknown_type', `Unknown command type "${command.type}"`);
      if (options.factWindow) ensureInFactWindow(command, options.factWindow, clock());
      const enriched = route.enrich ? await route.enrich(command, read, options.lookups) : command;
      // Enrichment adds facts read now (a consultant's rates): the key's digest is of what the caller sent.
      const keyed = metadata.idempotencyKey !== undefined && metadata.commandDigest === undefined ? { ...metadata, commandDigest: commandDigest(command) } : metadata;
      return handle(route.decider, route.streamOf(enriched), enriched, keyed);
    },
  };
}
