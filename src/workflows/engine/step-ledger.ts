import type { CommandBus } from '../../aggregates/command-bus';
import { fold } from '../../core/decider';
import type { EventStore } from '../../core/event-store.port';
import type { Clock } from '../../core/time';
import type { StepOutcome } from './workflow';
import type { WorkflowStepCommand } from '../../aggregates/workflow-steps/workflow-steps.commands';
import { workflowStepsDecider, workflowStepsStream, type StepState, type WorkflowStepsState } from '../../aggregates/workflow-steps/workflow-steps.decider';
import type { StoredTrigger, WorkflowStepEvent } from '../../aggregates/workflow-steps/workflow-steps.events';

/** A stored event carries type and data apart, which loses the union's pairing of the two. */
const asStepEvent = (event: { type: string; data: object }): WorkflowStepEvent => ({ type: event.type, data: event.data }) as WorkflowStepEvent;

/** Reads a run's step ledger (`WorkflowSteps-<runId>`); an unknown run reads as empty. */
export async function readSteps(store: EventStore, runId: string): Promise<WorkflowStepsState> {
  const events: WorkflowStepEvent[] = [];
  for await (const event of store.readStream<WorkflowStepEvent>(workflowStepsStream(runId))) events.push(asStepEvent(event));
  return fold(workflowStepsDecider, events);
}

export interface LedgerContext {
  readonly runId: string;
  readonly workflow: string;
  readonly causationId: string | null;
}

/** Records one run's steps through the steps decider, keeping the folded state at hand. */
export class StepLedger {
  private constructor(
    private readonly steps: CommandBus<WorkflowStepCommand>,
    private readonly context: LedgerContext,
    private readonly clock: Clock,
    private state: WorkflowStepsState,
  ) {}

  static async open(store: EventStore, steps: CommandBus<WorkflowStepCommand>, context: LedgerContext, clock: Clock): Promise<StepLedger> {
    return new StepLedger(steps, context, clock, await readSteps(store, context.runId));
  }

  get trigger(): StoredTrigger | null {
    return this.state.trigger;
  }

  step(name: string): StepState | undefined {
    return this.state.steps[name];
  }

  recordTrigger(trigger: StoredTrigger): Promise<void> {
    return this.apply({ type: 'RecordRunTrigger', data: { runId: this.context.runId, workflow: this.context.workflow, trigger } });
  }

  markAttempted(step: string, key: string): Promise<void> {
    return this.apply({ type: 'MarkStepAttempted', data: { runId: this.context.runId, step, key } });
  }

  complete(step: string, outcome: StepOutcome): Promise<void> {
    return this.apply({ type: 'CompleteStep', data: { runId: this.context.runId, step, externalId: outcome.externalId, result: outcome.result } });
  }

  skip(step: string, reason: string): Promise<void> {
    return this.apply({ type: 'SkipStep', data: { runId: this.context.runId, step, reason } });
  }

  fail(step: string, error: string, ambiguous: boolean): Promise<void> {
    return this.apply({ type: 'FailStep', data: { runId: this.context.runId, step, error, ambiguous } });
  }

  private async apply(command: Omit<WorkflowStepCommand, 'occurredAt'>): Promise<void> {
    const full = { ...command, occurredAt: this.clock().toISOString() } as WorkflowStepCommand;
    const metadata = { actor: `workflow:${this.context.workflow}`, correlationId: this.context.runId, causationId: this.context.causationId };
    const result = await this.steps.execute(full, metadata);
    this.state = result.events.map(asStepEvent).reduce(workflowStepsDecider.evolve, this.state);
  }
}
