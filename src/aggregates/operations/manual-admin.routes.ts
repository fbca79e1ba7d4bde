import type { CommandRoutes } from '../command-route';
import type { ManualAdminCommand } from './manual-admin.commands';
import { manualAdminDecider, manualAdminStream } from './manual-admin.decider';

export const manualAdminRoutes: CommandRoutes<ManualAdminCommand> = {
  RecordManualAdmin: { decider: manualAdminDecider, streamOf: (command) => manualAdminStream(command.data.entryId) },
};
