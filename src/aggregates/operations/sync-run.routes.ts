import type { CommandRoutes } from '../command-route';
import type { SyncRunCommand } from './sync-run.commands';
import { syncRunDecider, syncRunStream } from './sync-run.decider';

export const syncRunRoutes: CommandRoutes<SyncRunCommand> = {
  RecordSyncSuccess: { decider: syncRunDecider, streamOf: (command) => syncRunStream(command.data.source, command.data.runId) },
  RecordSyncFailure: { decider: syncRunDecider, streamOf: (command) => syncRunStream(command.data.source, command.data.runId) },
};
