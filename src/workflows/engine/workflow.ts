import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { KpiContext } from '../../projections/shared/kpi';
import type { ToolName } from '../../tools/shared/tool-http';
import type { ToolClient, ToolClients } from '../../tools/tool-clients';
import type { WorkflowConfig } from '../workflow.config';
import type { StepResult } from '../../aggregates/workflow-steps/workflow-steps.events';
import type { WeeklySchedule } from './weekly-schedule';

/** What a run was started by, loaded: the domain event itself, or a schedule's occurrence. */
export type Trigger = { kind: 'event'; event: RecordedEvent } | { kind: 'schedule'; schedule: string; at: string };

export interface StepOutcome {
  /** The object's id in the tool (project id, contact id…), null when there is none. */
  readonly externalId: string | null;
  readonly result: StepResult;
}

export interface StepOptions {
  /**
   * The tool offers no way to find what an earlier call did (Slack): the step is marked before the
   * call and never called twice; a crash or a timeout leaves it unconfirmed instead.
   */
  readonly atMostOnce?: boolean;
}

/** What workflows read and call; built once by `startWorkflows`. */
export interface WorkflowDeps {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly kpi: KpiContext;
  readonly clock: Clock;
  readonly config: WorkflowConfig;
  readonly clients: ToolClients;
  /**
   * Several processes: asked right before each call to a tool; false when this process no longer
   * holds the workflows' lease, and the attempt stops unrecorded for the holder to take up.
   */
  readonly mayAct?: () => boolean;
}

/** A run as its workflow sees it: steps are recorded, and a step done once is never done again. */
export interface RunContext {
  readonly runId: string;
  readonly workflow: string;
  /** The triggering event's id, or `<schedule>@<instant>`; step keys are derived from it. */
  readonly triggerKey: string;
  readonly deps: WorkflowDeps;
  /**
   * Runs `action` with the tool's client and the step's idempotency key, unless the step completed
   * before (its recorded outcome is returned) or the tool is not configured (skipped: null).
   * Retryable tool errors are retried with backoff; others fail the run.
   */
  step<K extends ToolName>(name: string, tool: K, action: (client: ToolClient<K>, key: string) => Promise<StepOutcome>, options?: StepOptions): Promise<StepOutcome | null>;
  /** Records that a step had nothing to do; the run then ends skipped, with the reason. */
  skip(name: string, reason: string): Promise<void>;
}

export interface Workflow {
  readonly name: string;
  /** Minutes of manual work one successful run replaces (recorded on WorkflowRunStarted). */
  readonly manualMinutes: number;
  run(context: RunContext, trigger: Trigger): Promise<void>;
}

/** Runs once per domain event of one of `triggers`, after the workflow's checkpoint. */
export interface EventWorkflow extends Workflow {
  readonly triggers: readonly string[];
}

/** Runs once per occurrence of its weekly schedule. */
export interface ScheduledWorkflow extends Workflow {
  readonly schedule: (config: WorkflowConfig) => WeeklySchedule;
}
