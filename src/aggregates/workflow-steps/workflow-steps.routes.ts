import type { CommandRoutes } from '../command-route';
import type { WorkflowStepCommand } from './workflow-steps.commands';
import { workflowStepsDecider, workflowStepsStream } from './workflow-steps.decider';

const route = { decider: workflowStepsDecider, streamOf: (command: WorkflowStepCommand) => workflowStepsStream(command.data.runId) };

/** A workflow run's step ledger, one `WorkflowSteps-<runId>` stream per run. */
export const workflowStepsRoutes: CommandRoutes<WorkflowStepCommand> = {
  RecordRunTrigger: route,
  MarkStepAttempted: route,
  CompleteStep: route,
  SkipStep: route,
  FailStep: route,
};
