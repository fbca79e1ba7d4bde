import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter } from '../../core/read-store.port';
import { distinctById } from '../shared/documents';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio, sum, sumBy } from '../shared/kpi-math';
import { datesIn, instantsIn } from '../shared/period-filter';
import type { ManualAdminDocument } from './manual-admin.projection';
import type { WorkflowRunDocument } from './workflow-runs.projection';

export interface WorkflowRunCounts {
  readonly started: number;
  /** Runs that reached their current outcome in the period: succeeded + failed + skipped. */
  readonly runs: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
  /** succeeded ÷ (succeeded + failed); a skip is neither. */
  readonly successRate: number | null;
}

export interface ManualWorkSaved {
  readonly minutes: number;
  readonly byWorkflow: Record<string, number>;
}

export interface ManualWorkReduction {
  /** saved ÷ (saved + manual admin minutes); null when both are 0. */
  readonly rate: number | null;
  readonly savedMinutes: number;
  readonly manualMinutes: number;
}

const find = (context: KpiContext, filter: DocumentFilter) =>
  context.reads.find<WorkflowRunDocument>('workflow_runs', { filter }).then((result) => result.documents);

function countsOf(started: readonly WorkflowRunDocument[], finished: readonly WorkflowRunDocument[]): WorkflowRunCounts {
  const count = (status: string) => finished.filter((run) => run.status === status).length;
  const [succeeded, failed, skipped] = [count('succeeded'), count('failed'), count('skipped')];
  return { started: started.length, runs: succeeded + failed + skipped, succeeded, failed, skipped, successRate: ratio(succeeded, succeeded + failed) };
}

/**
 * workflowRuns: per workflow, runs started in the period, and runs counted once, in the period of
 * their current outcome (a failed run retried into success counts as succeeded when it succeeded,
 * and no longer as failed); success rate = succeeded ÷ (succeeded + failed).
 */
export async function workflowRuns(context: KpiContext, period: Period): Promise<KpiResult<Record<string, WorkflowRunCounts>>> {
  const range = instantsIn(periodOf(context, period));
  const [started, finished] = await Promise.all([find(context, { startedAt: range }), find(context, { finishedAt: range })]);
  const workflows = [...new Set([...started, ...finished].map((run) => run.workflow))].sort();
  const byWorkflow: Record<string, WorkflowRunCounts> = {};
  for (const workflow of workflows) {
    byWorkflow[workflow] = countsOf(started.filter((run) => run.workflow === workflow), finished.filter((run) => run.workflow === workflow));
  }
  return kpiResult(context, ['workflow_runs'], distinctById([...started, ...finished]), byWorkflow);
}

async function savedIn(context: KpiContext, period: ResolvedPeriod): Promise<{ value: ManualWorkSaved; runs: WorkflowRunDocument[] }> {
  const runs = await find(context, { succeededAt: instantsIn(period) });
  const value = { minutes: sum(runs.map((run) => run.manualMinutesSaved)), byWorkflow: sumBy(runs, (run) => run.workflow, (run) => run.manualMinutesSaved) };
  return { value, runs };
}

/** manualWorkSaved: Σ manual minutes replaced by workflow runs that succeeded in the period (each run once). */
export async function manualWorkSaved(context: KpiContext, period: Period): Promise<KpiResult<ManualWorkSaved>> {
  const { value, runs } = await savedIn(context, periodOf(context, period));
  return kpiResult(context, ['workflow_runs'], runs, value);
}

/**
 * manualWorkReduction: saved ÷ (saved + manual admin minutes), saved as in `manualWorkSaved` and
 * manual admin counted on the business date it was performed.
 */
export async function manualWorkReduction(context: KpiContext, period: Period): Promise<KpiResult<ManualWorkReduction>> {
  const resolved = periodOf(context, period);
  const [saved, manual] = await Promise.all([
    savedIn(context, resolved),
    context.reads.find<ManualAdminDocument>('manual_admin', { filter: { performedOn: datesIn(resolved) } }),
  ]);
  const savedMinutes = saved.value.minutes;
  const manualMinutes = sum(manual.documents.map((entry) => entry.minutes));
  const value = { rate: ratio(savedMinutes, savedMinutes + manualMinutes), savedMinutes, manualMinutes };
  return kpiResult(context, ['workflow_runs', 'manual_admin'], [...saved.runs, ...manual.documents], value);
}
