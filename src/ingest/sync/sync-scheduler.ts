import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { EventStore } from '../../core/event-store.port';
import type { Clock } from '../../core/time';
import { logger } from '../../logging/logger';
import type { IdentityLookup } from '../delivery';
import type { XeroFetchIntent } from '../../tools/xero/xero.translate';
import { ToolHttpClient } from '../../tools/shared/tool-http.client';
import { SyncJob, type SyncRunReport } from './sync-job';
import { syncSourceFor } from './sync-sources';
import { syncTools, type SyncConfig, type SyncTool } from './sync.config';
import { XeroSyncSource } from '../../tools/xero/xero.sync-source';

export type SyncLog = (entry: { readonly level: 'info' | 'warn'; readonly msg: string; readonly [key: string]: unknown }) => void;

export interface SyncSchedulerDeps {
  readonly store: EventStore;
  readonly commands: CommandBus<BusinessCommand>;
  /** A fresh identity snapshot per run, e.g. `() => loadIdentityLookup(readStore)`. */
  readonly identities: () => Promise<IdentityLookup> | IdentityLookup;
  readonly clock?: Clock;
  readonly log?: SyncLog;
  /**
   * Several processes: asked before each run; a tool whose lease another process holds is not
   * pulled here, and asked again a second later. Absent: every run goes ahead.
   */
  readonly mayRun?: (tool: SyncTool) => boolean;
}

/** How soon a process that may not run a tool asks again (the holder may have died). */
const leaseRecheckMs = 1_000;

/** Through the process's logger, so LOG_LEVEL applies (quiet in tests) and lines carry time and pid. */
const loggerLog: SyncLog = ({ level, msg, ...fields }) => logger[level]({ component: 'sync', ...fields }, msg);

/**
 * Runs each enabled tool's sync job at once and then every interval after the previous run ends
 * (runs of one tool never overlap). A tool without credentials is disabled and says so at start.
 */
export class SyncScheduler {
  private readonly jobs = new Map<SyncTool, SyncJob>();
  private readonly timers = new Map<SyncTool, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly process = new AbortController();
  private xero: XeroSyncSource | null = null;
  private readonly log: SyncLog;

  private constructor(
    private readonly config: SyncConfig,
    private readonly deps: SyncSchedulerDeps,
  ) {
    this.log = deps.log ?? loggerLog;
  }

  static start(config: SyncConfig, deps: SyncSchedulerDeps): SyncScheduler {
    const scheduler = new SyncScheduler(config, deps);
    if (!config.enabled) scheduler.log({ level: 'info', msg: 'sync: off in this process (SYNC_ENABLED=false)' });
    else for (const tool of syncTools) scheduler.startTool(tool);
    return scheduler;
  }

  get enabledTools(): SyncTool[] {
    return [...this.jobs.keys()];
  }

  /** Hands the invoices a Xero delivery names to the Xero job's next run (nothing when Xero sync is off). */
  notifyXero(intents: readonly XeroFetchIntent[]): void {
    this.xero?.notify(intents);
  }

  /** Aborts requests in flight (those runs record nothing, like a crash) and waits for the runs to settle. */
  async stop(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.process.abort();
    await Promise.allSettled([...this.running]);
  }

  private startTool(tool: SyncTool): void {
    const config = this.config.tools[tool];
    if (!config.enabled) {
      this.log({ level: 'info', msg: `sync ${tool}: disabled, missing ${config.missing.join(', ')}`, tool, missing: config.missing });
      return;
    }
    const { timeoutMs, maxAttempts, maxPagesPerRun } = this.config;
    const http = new ToolHttpClient({ tool, timeoutMs, maxAttempts, signal: this.process.signal });
    const source = syncSourceFor(config, http);
    if (source instanceof XeroSyncSource) this.xero = source;
    const { store, commands, identities } = this.deps;
    const job = new SyncJob({ source, store, commands, identities, intervalSeconds: config.intervalSeconds, maxPages: maxPagesPerRun, ...(this.deps.clock ? { clock: this.deps.clock } : {}) });
    this.jobs.set(tool, job);
    this.log({ level: 'info', msg: `sync ${tool}: every ${config.intervalSeconds} s`, tool });
    this.schedule(tool, 0);
  }

  private schedule(tool: SyncTool, delayMs: number): void {
    if (this.process.signal.aborted) return;
    const timer = setTimeout(() => this.tick(tool), delayMs);
    timer.unref();
    this.timers.set(tool, timer);
  }

  private tick(tool: SyncTool): void {
    if (this.deps.mayRun && !this.deps.mayRun(tool)) {
      this.schedule(tool, Math.min(leaseRecheckMs, this.config.tools[tool].intervalSeconds * 1000));
      return;
    }
    const run = this.jobs.get(tool)!.run().then(
      (report) => this.logRun(tool, report),
      (error: unknown) => this.log({ level: 'warn', msg: `sync ${tool}: run ended without a record`, tool, error: String(error) }),
    );
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.schedule(tool, this.config.tools[tool].intervalSeconds * 1000);
    });
  }

  private logRun(tool: SyncTool, report: SyncRunReport): void {
    const { runId, outcome, records, error } = report;
    this.log({ level: outcome === 'succeeded' ? 'info' : 'warn', msg: `sync ${tool}: run ${outcome}`, tool, runId, records, ...(error ? { error } : {}) });
  }
}
