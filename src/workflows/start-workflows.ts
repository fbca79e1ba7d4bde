import type { BusinessCommand } from '../aggregates';
import type { CommandBus } from '../aggregates/command-bus';
import type { EventStore } from '../core/event-store.port';
import type { ReadStore } from '../core/read-store.port';
import type { Clock } from '../core/time';
import type { KpiContext } from '../projections/shared/kpi';
import type { FetchFunction } from '../tools/shared/tool-http';
import type { RetryPolicy } from '../tools/shared/tool-retry';
import { createToolClients } from '../tools/tool-clients';
import type { EventWorkflow, ScheduledWorkflow, WorkflowDeps } from './engine/workflow';
import { WorkflowEngine } from './engine/workflow-engine';
import type { WorkflowLog } from './engine/workflow-log';
import { clientOnboardingWorkflow } from './onboarding/client-onboarding.workflow';
import { weeklyFinancialReportWorkflow } from './reports/weekly-financial-report.workflow';
import { weeklyTimeReportWorkflow } from './reports/weekly-time-report.workflow';
import { SlaTimersWatcher } from './support/sla-timers.watcher';
import { supportTriageWorkflow } from './support/support-triage.workflow';
import { loadWorkflowConfig, type WorkflowConfig } from './workflow.config';

export const eventWorkflows: readonly EventWorkflow[] = [clientOnboardingWorkflow, supportTriageWorkflow];
export const scheduledWorkflows: readonly ScheduledWorkflow[] = [weeklyTimeReportWorkflow, weeklyFinancialReportWorkflow];

/** What the workflows use, handed over by the composition root. */
export interface WorkflowServices {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly commands: CommandBus<BusinessCommand>;
  readonly kpi: KpiContext;
  readonly clock: Clock;
}

export interface WorkflowEngineOverrides {
  /** The clock of schedules and SLA timers (a `ManualClock` in tests); defaults to the services' clock. */
  readonly clock?: Clock;
  readonly fetch?: FetchFunction;
  readonly retry?: Partial<RetryPolicy>;
  readonly log?: WorkflowLog;
  readonly autoTick?: boolean;
  readonly errorBackoffMs?: number;
  readonly maxFailures?: number;
  readonly maxWaitMs?: number;
  /** See `WorkflowDeps.mayAct`. */
  readonly mayAct?: () => boolean;
}

export function createWorkflowEngine(services: WorkflowServices, config: WorkflowConfig, overrides: WorkflowEngineOverrides = {}): WorkflowEngine {
  const deps: WorkflowDeps = {
    eventStore: services.eventStore,
    readStore: services.readStore,
    kpi: services.kpi,
    clock: overrides.clock ?? services.clock,
    config,
    clients: createToolClients(config.tools, { timeoutMs: config.http.timeoutMs, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
    ...(overrides.mayAct ? { mayAct: overrides.mayAct } : {}),
  };
  return new WorkflowEngine({
    deps,
    commands: services.commands,
    eventWorkflows,
    scheduledWorkflows,
    watchers: [new SlaTimersWatcher(deps)],
    ...(overrides.retry ? { retry: overrides.retry } : {}),
    ...(overrides.log ? { log: overrides.log } : {}),
    ...(overrides.autoTick === undefined ? {} : { autoTick: overrides.autoTick }),
    ...(overrides.errorBackoffMs === undefined ? {} : { errorBackoffMs: overrides.errorBackoffMs }),
    ...(overrides.maxFailures === undefined ? {} : { maxFailures: overrides.maxFailures }),
    ...(overrides.maxWaitMs === undefined ? {} : { maxWaitMs: overrides.maxWaitMs }),
  });
}

export interface RunningWorkflows {
  /** Null when WORKFLOWS_ENABLED is false. */
  readonly engine: WorkflowEngine | null;
  stop(): Promise<void>;
}

/**
 * Starts the automation workflows on the app's services (the composition root calls this once).
 * Runs are recorded as WorkflowRun events; see each workflow for what it needs configured.
 */
export async function startWorkflows(services: WorkflowServices, config: WorkflowConfig = loadWorkflowConfig(), overrides: WorkflowEngineOverrides = {}): Promise<RunningWorkflows> {
  if (!config.enabled) return { engine: null, stop: async () => undefined };
  const engine = createWorkflowEngine(services, config, overrides);
  await engine.start();
  return { engine, stop: () => engine.stop() };
}
