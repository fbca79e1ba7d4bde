import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from '../../aggregates';
import { createCommandBus } from '../../aggregates/command-bus';
import type { RecordedEvent } from '../../core/messages';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { systemClock } from '../../core/time';
import { allProjections } from '../../projections';
import { recordingSleep } from '../tools/fake-tool-server';
import { ManualClock } from '../../workflows/engine/manual-clock';
import { workflowRunId } from '../../workflows/engine/run-ids';
import { readRun } from '../../workflows/engine/run-state';
import { readSteps } from '../../workflows/engine/step-ledger';
import type { WorkflowEngine } from '../../workflows/engine/workflow-engine';
import { silentWorkflowLog } from '../../workflows/engine/workflow-log';
import { createWorkflowEngine, type WorkflowServices } from '../../workflows/start-workflows';
import { loadWorkflowConfig, type WorkflowConfig } from '../../workflows/workflow.config';
import { CrashingEventStore } from './crashing-event-store';
import { FakeTools, type FakeToolName } from './fake-tools';

export interface HarnessOptions {
  readonly unconfigured?: readonly FakeToolName[];
  readonly env?: Readonly<Record<string, string>>;
  readonly now?: string;
  /** False: open the stores only, to record history before the engine's first start. */
  readonly startEngine?: boolean;
  /** How long a crashed consumer waits before following the log again (default: a minute, i.e. not in a spec). */
  readonly errorBackoffMs?: number;
  /** How long a run may wait for another it needs before it fails (default: the engine's). */
  readonly maxWaitMs?: number;
  /** Whether this process may call the tools (a fleet's lease), asked before each call. */
  readonly mayAct?: () => boolean;
}

type CommandInput = { type: BusinessCommand['type']; data: object; occurredAt?: string };

/**
 * The workflow engine on the embedded SQLite stores (files in a temp dir, so it can be restarted
 * on them), the real command bus and projections, fake tools on local ports and a manual clock.
 */
export class WorkflowHarness {
  readonly clock: ManualClock;
  readonly retryWaits: number[];
  private readonly sleep: (ms: number) => Promise<void>;
  services!: WorkflowServices & { projections: ProjectionRunner };
  store!: CrashingEventStore;
  engine: WorkflowEngine | null = null;

  private constructor(
    readonly tools: FakeTools,
    readonly config: WorkflowConfig,
    private readonly dataDir: string,
    now: string,
    private readonly errorBackoffMs: number,
    private readonly mayAct: (() => boolean) | undefined,
    private readonly maxWaitMs: number | undefined,
  ) {
    this.clock = new ManualClock(now);
    const { sleep, waits } = recordingSleep();
    this.sleep = sleep;
    this.retryWaits = waits;
  }

  static async open(options: HarnessOptions = {}): Promise<WorkflowHarness> {
    const tools = await FakeTools.start();
    const env = { ...tools.env(options.unconfigured), WORKFLOWS_ENABLED: 'true', WORKFLOW_HTTP_TIMEOUT_MS: '250', WORKFLOW_HTTP_MAX_ATTEMPTS: '3', ...options.env };
    const harness = new WorkflowHarness(tools, loadWorkflowConfig(env), mkdtempSync(join(tmpdir(), 'zixly-workflows-')), options.now ?? '2026-03-02T00:00:00.000Z', options.errorBackoffMs ?? 60_000, options.mayAct, options.maxWaitMs);
    await harness.openStores();
    if (options.startEngine !== false) await harness.startEngine();
    return harness;
  }

  /** Where the harness keeps its SQLite files: a CLI run with `DATA_DIR` set to it works next to the engine. */
  get dataDirectory(): string {
    return this.dataDir;
  }

  get reads(): ReadStore {
    return this.services.readStore;
  }

  async startEngine(): Promise<WorkflowEngine> {
    const overrides = { clock: this.clock.clock, retry: { sleep: this.sleep, random: () => 0.5 }, log: silentWorkflowLog, autoTick: false, errorBackoffMs: this.errorBackoffMs, maxFailures: 3, ...(this.mayAct ? { mayAct: this.mayAct } : {}), ...(this.maxWaitMs === undefined ? {} : { maxWaitMs: this.maxWaitMs }) };
    this.engine = createWorkflowEngine(this.services, this.config, overrides);
    await this.engine.start();
    return this.engine;
  }

  /** Records a business command as of the manual clock; returns the first event it appended. */
  async execute(command: CommandInput): Promise<RecordedEvent> {
    const full = { ...command, occurredAt: command.occurredAt ?? this.clock.clock().toISOString() } as BusinessCommand;
    const result = await this.services.commands.execute(full, { actor: 'test' });
    return result.events[0]!;
  }

  /** Waits until the engine has handled every event and the read models have caught up. */
  async settle(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== null) await this.services.projections.waitFor(head, 10_000);
    await this.engine?.waitForIdle();
  }

  /** Schedules and SLA timers at the manual clock's time. */
  async tick(): Promise<void> {
    await this.settle();
    await this.engine!.tick();
    await this.settle();
  }

  async runOf(triggerKey: string, workflow: string) {
    const runId = workflowRunId(triggerKey, workflow);
    return { runId, run: await readRun(this.store, runId), steps: (await readSteps(this.store, runId)).steps };
  }

  /** Stops everything and opens the same files again, as after the worker was killed. */
  async restart(): Promise<void> {
    await this.stopAll();
    await this.openStores();
    await this.startEngine();
  }

  async close(): Promise<void> {
    await this.stopAll();
    await this.tools.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async openStores(): Promise<void> {
    const eventStore = await openSqliteEventStore({ path: join(this.dataDir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 20 });
    this.store = new CrashingEventStore(eventStore);
    const readStore = await openSqliteReadStore({ path: join(this.dataDir, 'read-models.sqlite') });
    // The runner times its waits by its clock: it keeps the real one.
    const projections = new ProjectionRunner({ eventStore, readStore, projections: allProjections, clock: systemClock });
    await projections.start();
    const commands = createCommandBus<BusinessCommand>(this.store, commandRoutes);
    this.services = { eventStore: this.store, readStore, commands, kpi: { reads: readStore, timeZone: 'Australia/Brisbane' }, clock: this.clock.clock, projections };
  }

  private async stopAll(): Promise<void> {
    await this.engine?.stop();
    this.engine = null;
    await this.services.projections.stop();
    await this.services.readStore.close();
    await this.store.close();
  }
}
