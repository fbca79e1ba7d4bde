import type { Projection } from '../../core/projection';
import { dataSourcesProjection } from './data-sources.projection';
import { manualAdminProjection } from './manual-admin.projection';
import { webhookDeliveriesProjection } from './webhook-deliveries.projection';
import { workflowRunsProjection } from './workflow-runs.projection';

export const operationsProjections: Projection[] = [dataSourcesProjection, workflowRunsProjection, manualAdminProjection, webhookDeliveriesProjection];

export { healthOf, syncStatus, type SourceSyncStatus, type SyncHealth, type SyncStatusOptions } from './sync.queries';
export { manualWorkReduction, manualWorkSaved, workflowRuns, type ManualWorkReduction, type ManualWorkSaved, type WorkflowRunCounts } from './workflow.queries';
export { webhookDeliveries, type WebhookDeliveriesOptions, type WebhookToolCounts } from './webhook.queries';
export type { DataSourceDocument } from './data-sources.projection';
export type { WorkflowRunDocument, WorkflowRunStatus } from './workflow-runs.projection';
export type { ManualAdminDocument } from './manual-admin.projection';
export type { WebhookDeliveryDocument, WebhookDeliveryStatus, WebhookDocument, WebhookFailure, WebhookRejectionDocument } from './webhook-deliveries.projection';
