import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { WorkflowRunCommand } from '../../aggregates/operations/workflow-run.commands';
import type { WorkflowStepCommand } from '../../aggregates/workflow-steps/workflow-steps.commands';
import { KeyedMutex } from '../../core/keyed-mutex';
import type { RetryPolicy } from '../../tools/shared/tool-retry';
import { triggerKeyOf, workflowRunId } from './run-ids';
import { loadTrigger, readRun, runTriggerOf, storedTriggerOf } from './run-state';
import { readSteps, StepLedger } from './step-ledger';
import { StepFailure, StepRunner } from './step-runner';
import type { Trigger, Workflow, WorkflowDeps } from './workflow';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

export interface RunExecutorOptions {
  readonly commands: CommandBus<BusinessCommand>;
  /** Records each run's steps (`WorkflowSteps-<runId>`, a platform aggregate). */
  readonly steps: CommandBus<WorkflowStepCommand>;
  readonly deps: WorkflowDeps;
  readonly retry: RetryPolicy;
}

type RunCommandWithoutTime = { [K in WorkflowRunCommand['type']]: Omit<Extract<WorkflowRunCommand, { type: K }>, 'occurredAt'> }[WorkflowRunCommand['type']];

/**
 * Starts runs through the command bus and runs their steps. Only a run that is still `running`
 * is run: a replayed trigger finds its run finished and does nothing; a run left running by a
 * crash is resumed, its completed steps reused.
 */
export class RunExecutor {
  private readonly locks = new KeyedMutex();

  constructor(private readonly options: RunExecutorOptions) {}

  execute(workflow: Workflow, trigger: Trigger): Promise<RunStatus> {
    const runId = workflowRunId(triggerKeyOf(trigger), workflow.name);
    return this.locks.run(runId, async () => {
      const data = { runId, workflow: workflow.name, trigger: runTriggerOf(trigger), manualMinutes: workflow.manualMinutes };
      await this.record(workflow, trigger, { type: 'StartWorkflowRun', data });
      const run = await readRun(this.options.deps.eventStore, runId);
      if (run.status !== 'running') return run.status as RunStatus;
      return this.attempt(workflow, runId, trigger);
    });
  }

  /** Runs a retried run (WorkflowRunRetried) again from the trigger it recorded. */
  resume(workflow: Workflow, runId: string): Promise<RunStatus> {
    return this.locks.run(runId, async () => {
      const { eventStore } = this.options.deps;
      const run = await readRun(eventStore, runId);
      if (run.status !== 'running') return run.status === 'none' ? 'failed' : run.status;
      const stored = (await readSteps(eventStore, runId)).trigger;
      if (!stored) return 'running';
      return this.attempt(workflow, runId, await loadTrigger(eventStore, stored));
    });
  }

  /** Fails a run for a reason outside its steps (its trigger kept crashing the worker). */
  failRun(workflow: Workflow, trigger: Trigger, error: string): Promise<void> {
    const runId = workflowRunId(triggerKeyOf(trigger), workflow.name);
    return this.locks.run(runId, () => this.recordFailure(workflow, runId, trigger, error));
  }

  private async recordFailure(workflow: Workflow, runId: string, trigger: Trigger, error: string): Promise<void> {
    const data = { runId, workflow: workflow.name, trigger: runTriggerOf(trigger), manualMinutes: workflow.manualMinutes };
    await this.record(workflow, trigger, { type: 'StartWorkflowRun', data });
    if ((await readRun(this.options.deps.eventStore, runId)).status !== 'running') return;
    await this.openLedger(workflow, runId, trigger);
    await this.record(workflow, trigger, { type: 'FailWorkflowRun', data: { runId, error, retryable: true } });
  }

  private async attempt(workflow: Workflow, runId: string, trigger: Trigger): Promise<RunStatus> {
    const ledger = await this.openLedger(workflow, runId, trigger);
    const runner = new StepRunner(runId, workflow.name, triggerKeyOf(trigger), this.options.deps, ledger, this.options.retry);
    try {
      await workflow.run(runner, trigger);
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      await this.record(workflow, trigger, { type: 'FailWorkflowRun', data: { runId, error: error.message, retryable: error.toolError.retryable } });
      return 'failed';
    }
    if (runner.skipped.length > 0) {
      const reason = runner.skipped.map(({ step, reason }) => `${step}: ${reason}`).join('; ');
      await this.record(workflow, trigger, { type: 'SkipWorkflowRun', data: { runId, reason } });
      return 'skipped';
    }
    await this.record(workflow, trigger, { type: 'CompleteWorkflowRun', data: { runId } });
    return 'succeeded';
  }

  /** The ledger always starts with the trigger, so a retry can load it again. */
  private async openLedger(workflow: Workflow, runId: string, trigger: Trigger): Promise<StepLedger> {
    const { deps, steps } = this.options;
    const causationId = trigger.kind === 'event' ? trigger.event.id : null;
    const ledger = await StepLedger.open(deps.eventStore, steps, { runId, workflow: workflow.name, causationId }, deps.clock);
    await ledger.recordTrigger(storedTriggerOf(trigger));
    return ledger;
  }

  private async record(workflow: Workflow, trigger: Trigger, command: RunCommandWithoutTime): Promise<void> {
    const { commands, deps } = this.options;
    const event = trigger.kind === 'event' ? trigger.event : null;
    await commands.execute({ ...command, occurredAt: deps.clock().toISOString() } as BusinessCommand, {
      actor: `workflow:${workflow.name}`,
      correlationId: event?.metadata.correlationId ?? command.data.runId,
      causationId: event?.id ?? null,
    });
  }
}
