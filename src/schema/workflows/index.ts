import { WorkflowRunsResolver } from './workflow-runs.resolver';

/** Automation workflow runs; retries go through `retryWorkflowRun` of the operations mutations. */
export const workflowResolvers: Function[] = [WorkflowRunsResolver];
