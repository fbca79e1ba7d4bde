import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { WorkflowRunRetried } from '../../aggregates/operations/workflow-run.events';
import { createCommandHandler } from '../../core/command-handler';
import type { RecordedEvent } from '../../core/messages';
import { defaultRetryPolicy, type RetryPolicy } from '../../tools/shared/tool-retry';
import { EventConsumer } from './event-consumer';
import { isNewInTheWorld } from './new-fact.rule';
import { RunExecutor } from './run-executor';
import { Scheduler } from './scheduler';
import type { EventWorkflow, ScheduledWorkflow, Workflow, WorkflowDeps } from './workflow';
import { WorkflowCheckpoints } from './workflow-checkpoints';
import { processWorkflowLog, errorText, type WorkflowLog } from './workflow-log';

/** Follows its own events and checks its timers on every tick (SLA timers). */
export interface Watcher {
  readonly name: string;
  /** The workflows it runs, so their failed runs can be retried too. */
  readonly workflows: readonly Workflow[];
  readonly types: readonly string[];
  /** Called once before the engine follows the log (indexes…). */
  prepare(): Promise<void>;
  handle(event: RecordedEvent): Promise<void>;
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
 * The automation engine: one consumer per event workflow, one for retried runs and one per
 * watcher, each with its own checkpoint; schedules and timers on a tick of the injected clock.
 */
export class WorkflowEngine {
  readonly executor: RunExecutor;
  private readonly consumers: EventConsumer[];
  private readonly scheduler: Scheduler;
  private readonly log: WorkflowLog;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(private readonly options: WorkflowEngineOptions) {
    const { deps } = options;
    this.log = options.log ?? processWorkflowLog;
    const retry = { ...defaultRetryPolicy, maxAttempts: deps.config.http.maxAttempts, baseDelayMs: deps.config.http.retryBaseMs, ...options.retry };
    this.executor = new RunExecutor({ commands: options.commands, stepsHandler: createCommandHandler(deps.eventStore), deps, retry });
    const checkpoints = new WorkflowCheckpoints(deps.readStore, deps.eventStore, deps.clock, deps.config.startFrom);
    this.scheduler = new Scheduler(options.scheduledWorkflows, this.executor, deps.readStore, checkpoints, deps.config, deps.clock, this.log);
    this.consumers = this.consumersOf(checkpoints);
  }

  /** One per event workflow, one for retried runs, one per watcher; each keeps its own checkpoint. */
  private consumersOf(checkpoints: WorkflowCheckpoints): EventConsumer[] {
    const { options } = this;
    const consumer = (
      name: string,
      types: readonly string[],
      handle: (event: RecordedEvent) => Promise<void>,
      giveUp: (event: RecordedEvent, error: unknown) => Promise<void>,
      accepts?: (event: RecordedEvent) => boolean,
    ) =>
      new EventConsumer(
        { name, types, handle, giveUp, maxFailures: options.maxFailures ?? 5, errorBackoffMs: options.errorBackoffMs ?? 5_000, ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }), ...(accepts ? { accepts } : {}) },
        options.deps.eventStore,
        checkpoints,
        this.log,
      );
    const { clock, config } = options.deps;
    const news = (event: RecordedEvent) => isNewInTheWorld(event, clock(), config.maxFactAgeMs);
    const logOnly = async (event: RecordedEvent, error: unknown) => this.log.error('event skipped after repeated crashes', { eventId: event.id, error: errorText(error) });
    return [
      ...options.eventWorkflows.map((workflow) =>
        consumer(workflow.name, workflow.triggers, (event) => this.run(workflow, event), (event, error) => this.executor.failRun(workflow, { kind: 'event', event }, errorText(error)), news),
      ),
      consumer(retriesConsumer, ['WorkflowRunRetried'], (event) => this.retried(event), logOnly),
      ...(options.watchers ?? []).map((watcher) => consumer(watcher.name, watcher.types, (event) => watcher.handle(event), logOnly)),
    ];
  }

  async start(): Promise<void> {
    for (const watcher of this.options.watchers ?? []) await watcher.prepare();
    await this.scheduler.prepare();
    for (const consumer of this.consumers) await consumer.start();
    if (this.options.autoTick !== false) {
      this.timer = setInterval(() => void this.tick(), this.options.deps.config.timerIntervalMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  /** Fires due schedules and timers; a tick still running is joined, not doubled. */
  tick(): Promise<void> {
    this.ticking ??= this.checkTimers().finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** Resolves once every consumer has handled every event waiting for it (tests, demos). */
  async waitForIdle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pending = await Promise.all(this.consumers.map((consumer) => consumer.pending()));
      if (!pending.includes(true)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Workflows still busy after ${timeoutMs} ms`);
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

  private async run(workflow: EventWorkflow, event: RecordedEvent): Promise<void> {
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
