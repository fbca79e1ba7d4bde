import type { CommandRoutes } from '../command-route';
import { manualAdminRoutes } from './manual-admin.routes';
import type { OperationsCommand } from './operations.commands';
import { syncRunRoutes } from './sync-run.routes';
import { workflowRunRoutes } from './workflow-run.routes';

/** Sync runs on `SyncRun-<source>:<runId>`, workflow runs on `WorkflowRun-<runId>`, manual admin on `ManualAdmin-<entryId>`. */
export const operationsRoutes: CommandRoutes<OperationsCommand> = {
  ...syncRunRoutes,
  ...workflowRunRoutes,
  ...manualAdminRoutes,
};
