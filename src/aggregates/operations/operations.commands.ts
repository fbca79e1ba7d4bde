import type { ManualAdminCommand } from './manual-admin.commands';
import type { SyncRunCommand } from './sync-run.commands';
import type { WorkflowRunCommand } from './workflow-run.commands';

/** Every command of the operations folder (webhook deliveries belong to ingest). */
export type OperationsCommand = SyncRunCommand | WorkflowRunCommand | ManualAdminCommand;
