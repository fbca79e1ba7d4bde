import type { CommandRoutes } from '../command-route';
import type { WorkflowRunCommand } from './workflow-run.commands';
import { workflowRunDecider, workflowRunStream } from './workflow-run.decider';

export const workflowRunRoutes: CommandRoutes<WorkflowRunCommand> = {
  StartWorkflowRun: { decider: workflowRunDecider, streamOf: (command) => workflowRunStream(command.data.runId) },
  CompleteWorkflowRun: { decider: workflowRunDecider, streamOf: (command) => workflowRunStream(command.data.runId) },
  FailWorkflowRun: { decider: workflowRunDecider, streamOf: (command) => workflowRunStream(command.data.runId) },
  SkipWorkflowRun: { decider: workflowRunDecider, streamOf: (command) => workflowRunStream(command.data.runId) },
  RetryWorkflowRun: { decider: workflowRunDecider, streamOf: (command) => workflowRunStream(command.data.runId) },
};
