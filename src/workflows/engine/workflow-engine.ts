import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { WorkflowRunRetried } from '../../aggregates/operations/workflow-run.events';
import { createCommandBus } from '../../aggregates/command-bus';
import { workflowStepsRoutes } from '../../aggregates/workflow-steps/workflow-steps.routes';
import type { RecordedEvent } from '../../core/messages';
import { type RunningGroup, runReactors } from '../../core/processors';
import type { Reactor, ReactorNotice } from '../../core/reactor';
import type { ReactorLoopDeps } from '../../core/reactor-loop';
import { defaultRetryPolicy, type RetryPolicy } from '../../tools/shared/tool-retry';
import { isNewInTheWorld } from './new-fact.rule';
import { RunExecutor } from './run-executor';
import { Scheduler } from './scheduler';
import { NotReadyYet } from './step-runner';
import type { EventWorkflow, ScheduledWorkflow, Workflow, WorkflowDeps } from './workflow';
import { checkpointKey, WorkflowCheckpoints } from './workflow-checkpoints';
import { processWorkflowLog, errorText, type WorkflowLog } from './workflow-log';

/** Checks timers kept by a projection on every tick (SLA timers) and runs the workflows that are due. */
export interface Watcher {
  readonly name: string;
  /** The workflows it runs, so their failed runs can be retried too. */
  readonly workflows: readonly Workflow[];
  /** Called once before the engine follows the log. */
  prepare(): Promise<void>;
  check(executor: RunExecutor): Promise<void>;
}

export interface WorkflowEngineOptions {
  readonly deps: WorkflowDeps;
  readonly commands: CommandBus<BusinessCommand>;
  readonly eventWorkflows: readonly EventWorkflow[];
  readonly scheduledWorkflows: readonly ScheduledWorkflow[];
  readonly watchers?: readonly Watcher[];
  readonly retry?: Partial<RetryPolicy>;
  readonly log?: WorkflowLog;
  /** Ticks (schedules, timers) every `config.timerIntervalMs`; off when a test ticks by hand. */
  readonly autoTick?: boolean;
  readonly errorBackoffMs?: number;
  readonly maxFailures?: number;
  /** How long an event workflow waits for a run it needs (`NotReadyYet`) before failing its own; default 10 minutes. */
  readonly maxWaitMs?: number;
}

const retriesConsumer = 'retries';

/**
 * The automation engine: one reactor per event workflow and one for retried runs, each with its
 * own checkpoint (`workflow:<name>`, as the engine's own consumers kept it before
 * they became reactors); schedules and timers on a tick of the injected clock.
 */
export class WorkflowEngine {
  readonly executor: RunExecutor;
  /** What follows the log, for the composition root's processors (see `run`). */
  readonly reactors: readonly Reactor[];
  private readonly scheduler: Scheduler;
  private readonly log: WorkflowLog;
  private readonly checkpoints: WorkflowCheckpoints;
  private running: RunningGroup | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(private readonly options: WorkflowEngineOptions) {
    const { deps } = options;
    this.log = options.log ?? processWorkflowLog;
    const retry = { ...defaultRetryPolicy, maxAttempts: deps.config.http.maxAttempts, baseDelayMs: deps.config.http.retryBaseMs, ...options.retry };
    this.executor = new RunExecutor({ commands: options.commands, steps: createCommandBus(deps.eventStore, workflowStepsRoutes), deps, retry });
    this.checkpoints = new WorkflowCheckpoints(deps.readStore, deps.eventStore, deps.clock, deps.config.startFrom);
    this.scheduler = new Scheduler(options.scheduledWorkflows, this.executor, deps.readStore, this.checkpoints, deps.config, deps.clock, this.log);
    this.reactors = this.reactorsOf();
  }

  /** One per event workflow, one for retried runs, one per watcher; each keeps its own checkpoint. */
  private reactorsOf(): Reactor[] {
    const { options } = this;
    const retry = {
      maxAttempts: options.maxFailures ?? 5,
      backoffMs: options.errorBackoffMs ?? 5_000,
      // A run it needs still being recorded is no crash: nothing was recorded, the event comes again shortly.
      isNotYet: (error: unknown) => error instanceof NotReadyYet,
      ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
    };
    const reactor = (
      name: string,
      types: readonly string[],
      handle: (event: RecordedEvent) => Promise<void>,
      giveUp: (event: RecordedEvent, error: unknown) => Promise<void>,
      accepts?: (event: RecordedEvent) => boolean,
    ): Reactor => ({
      name: checkpointKey(name),
      types,
      startAt: () => this.checkpoints.startPosition(),
      checkpointKey: checkpointKey(name),
      handle,
      giveUp,
      retry,
      ...(accepts ? { accepts } : {}),
    });
    const { clock, config } = options.deps;
    const news = (event: RecordedEvent) => isNewInTheWorld(event, clock(), config.maxFactAgeMs);
    const logOnly = async () => undefined;
    return [
      ...options.eventWorkflows.map((workflow) =>
        reactor(workflow.name, workflow.triggers, (event) => this.runWorkflow(workflow, event), (event, error) => this.executor.failRun(workflow, { kind: 'event', event }, errorText(error)), news),
      ),
      reactor(retriesConsumer, ['WorkflowRunRetried'], (event) => this.retried(event), logOnly),
    ];
  }

  /** Runs the reactors here, with notices in the workflow log (tests, `startWorkflows` without processors). */
  async start(): Promise<void> {
    const { eventStore, readStore, clock } = this.options.deps;
    await this.run({ eventStore, readStore, clock, onNotice: (notice) => this.logNotice(notice) });
  }

  /** As a group of the composition root's processors: its reactors' loops, and the timers that go with them. */
  async run(loopDeps: ReactorLoopDeps): Promise<RunningGroup> {
    for (const watcher of this.options.watchers ?? []) await watcher.prepare();
    await this.scheduler.prepare();
    this.running = await runReactors(this.reactors, loopDeps);
    if (this.options.autoTick !== false) {
      this.timer = setInterval(() => void this.tick(), this.options.deps.config.timerIntervalMs);
      this.timer.unref();
    }
    return { loops: this.running.loops, stop: () => this.stop() };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    const running = this.running;
    this.running = null;
    await running?.stop();
  }

  /** Fires due schedules and timers; a tick still running is joined, not doubled. */
  tick(): Promise<void> {
    this.ticking ??= this.checkTimers().finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** Resolves once every reactor has handled every event waiting for it (tests, demos). */
  async waitForIdle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pending = await Promise.all((this.running?.loops ?? []).map((loop) => loop.pending()));
      if (!pending.includes(true)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Workflows still busy after ${timeoutMs} ms`);
  }

  private logNotice(notice: ReactorNotice): void {
    const fields = { consumer: notice.reactor, ...('eventId' in notice && { eventId: notice.eventId }), error: errorText(notice.error) };
    if (notice.kind === 'reactor_gave_up') this.log.error('giving up on an event', fields);
    else this.log.error(notice.kind === 'reactor_retrying' ? 'workflow reactor failed on an event; trying it again' : 'workflow reactor stumbled; following again from its checkpoint', fields);
  }

  private async checkTimers(): Promise<void> {
    await this.scheduler.check();
    for (const watcher of this.options.watchers ?? []) {
      try {
        await watcher.check(this.executor);
      } catch (error) {
        this.log.error('timer check crashed; it is tried again at the next tick', { watcher: watcher.name, error: errorText(error) });
      }
    }
  }

  private async runWorkflow(workflow: EventWorkflow, event: RecordedEvent): Promise<void> {
    const status = await this.executor.execute(workflow, { kind: 'event', event });
    this.log.info('workflow run handled', { workflow: workflow.name, eventId: event.id, status });
  }

  private async retried(event: RecordedEvent): Promise<void> {
    const { runId, workflow: name } = (event as RecordedEvent<WorkflowRunRetried>).data;
    const watched = (this.options.watchers ?? []).flatMap((watcher) => watcher.workflows);
    const all: readonly Workflow[] = [...this.options.eventWorkflows, ...this.options.scheduledWorkflows, ...watched];
    const workflow = all.find((candidate) => candidate.name === name);
    if (!workflow) return;
    const status = await this.executor.resume(workflow, runId);
    this.log.info('retried workflow run handled', { workflow: name, runId, status });
  }
}
