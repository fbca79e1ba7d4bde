import type { CommandBus } from '../aggregates/command-bus';
import type { CommandResult } from '../core/command-handler';
import { isAppError } from '../core/errors';
import type { Command } from '../core/messages';
import type { AppMetrics } from './app-metrics';

function outcomeOf(result: CommandResult): string {
  if (result.status === 'unchanged') return 'unchanged';
  return result.replayed ? 'replayed' : 'appended';
}

/** The command bus, counting each command by type and outcome and timing it. */
export function withCommandMetrics<C extends Command>(bus: CommandBus<C>, metrics: AppMetrics): CommandBus<C> {
  return {
    async execute(command, metadata) {
      const stopTimer = metrics.commandDuration.startTimer({ type: command.type });
      try {
        const result = await bus.execute(command, metadata);
        metrics.commands.inc({ type: command.type, outcome: outcomeOf(result) });
        return result;
      } catch (error) {
        metrics.commands.inc({ type: command.type, outcome: isAppError(error) ? error.kind : 'error' });
        throw error;
      } finally {
        stopTimer();
      }
    },
  };
}
