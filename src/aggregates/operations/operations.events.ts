import type { ManualAdminEvent } from './manual-admin.events';
import type { SyncRunEvent } from './sync-run.events';
import type { WorkflowRunEvent } from './workflow-run.events';

/** Every event of the operations folder (webhook deliveries belong to ingest). */
export type OperationsEvent = SyncRunEvent | WorkflowRunEvent | ManualAdminEvent;
