import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { WorkflowConfig } from '../workflow.config';
import type { RunExecutor } from './run-executor';
import type { ScheduledWorkflow } from './workflow';
import { checkpointKey, type WorkflowCheckpoints } from './workflow-checkpoints';
import { errorText, type WorkflowLog } from './workflow-log';
import { occurrencesBetween } from './weekly-schedule';

/**
 * Fires scheduled workflows once per occurrence. A schedule's checkpoint `position` holds the last
 * occurrence handled, in Unix milliseconds; a schedule seen for the first time starts at
 * `startFrom` (now, or the configured instant), so a fresh deployment fires no past reports.
 */
export class Scheduler {
  constructor(
    private readonly workflows: readonly ScheduledWorkflow[],
    private readonly executor: RunExecutor,
    private readonly reads: ReadStore,
    private readonly checkpoints: WorkflowCheckpoints,
    private readonly config: WorkflowConfig,
    private readonly clock: Clock,
    private readonly log: WorkflowLog,
  ) {}

  /** Fixes each new schedule's start when the engine first starts, not at its first check. */
  async prepare(): Promise<void> {
    for (const workflow of this.workflows) await this.lastHandled(workflow.name, this.clock());
  }

  async check(): Promise<void> {
    for (const workflow of this.workflows) {
      try {
        await this.fireDue(workflow);
      } catch (error) {
        this.log.error('scheduled workflow crashed; it is tried again at the next check', { workflow: workflow.name, error: errorText(error) });
      }
    }
  }

  private async fireDue(workflow: ScheduledWorkflow): Promise<void> {
    const now = this.clock();
    const last = await this.lastHandled(workflow.name, now);
    for (const at of occurrencesBetween(workflow.schedule(this.config), last, now)) {
      await this.executor.execute(workflow, { kind: 'schedule', schedule: workflow.name, at: at.toISOString() });
      await this.reads.saveCheckpoint(this.checkpoints.checkpoint(workflow.name, BigInt(at.getTime())));
    }
  }

  private async lastHandled(name: string, now: Date): Promise<Date> {
    const saved = await this.reads.checkpoint(checkpointKey(name));
    if (saved?.position != null) return new Date(Number(saved.position));
    const start = this.config.startFrom === 'now' ? now : new Date(this.config.startFrom);
    await this.reads.saveCheckpoint(this.checkpoints.checkpoint(name, BigInt(start.getTime())));
    return start;
  }
}
