import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter } from '../../core/read-store.port';
import { distinctById } from '../shared/documents';
import { kpiResult, periodOf, positionOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio, sum, sumBy } from '../shared/kpi-math';
import { datesIn, instantsIn } from '../shared/period-filter';
import type { ManualAdminDocument } from './manual-admin.projection';
import { runSumsIn, splitEvents, workflowRunsCollection } from './workflow-run.reads';
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
  if (context.path !== 'scan') return workflowRunsFromSums(context, periodOf(context, period));
  const range = instantsIn(periodOf(context, period));
  const [started, finished] = await Promise.all([find(context, { startedAt: range }), find(context, { finishedAt: range })]);
  const workflows = [...new Set([...started, ...finished].map((run) => run.workflow))].sort();
  const byWorkflow: Record<string, WorkflowRunCounts> = {};
  for (const workflow of workflows) {
    byWorkflow[workflow] = countsOf(started.filter((run) => run.workflow === workflow), finished.filter((run) => run.workflow === workflow));
  }
  return kpiResult(context, ['workflow_runs'], distinctById([...started, ...finished]), byWorkflow);
}

/**
 * `workflowRuns` from the workflow_runs sums: the same counts, whatever the number of runs. Its
 * `eventCount` counts the starts and outcomes in the period (the scan path counts the events folded
 * into each run read).
 */
async function workflowRunsFromSums(context: KpiContext, period: ResolvedPeriod): Promise<KpiResult<Record<string, WorkflowRunCounts>>> {
  const [started, outcomes] = await Promise.all([runSumsIn(context, 'started', period), runSumsIn(context, 'outcome', period)]);
  const startedRows = splitEvents(started);
  const outcomeRows = splitEvents(outcomes);
  const counts = new Map<string, { started: number; succeeded: number; failed: number; skipped: number }>();
  const countsOf = (workflow: string) => {
    let found = counts.get(workflow);
    if (!found) counts.set(workflow, (found = { started: 0, succeeded: 0, failed: 0, skipped: 0 }));
    return found;
  };
  for (const [workflow, runs] of startedRows.rows) countsOf(workflow).started += runs;
  for (const [key, runs] of outcomeRows.rows) {
    const [status, workflow] = key.split('\t') as ['succeeded' | 'failed' | 'skipped', string];
    countsOf(workflow)[status] += runs;
  }
  const byWorkflow: Record<string, WorkflowRunCounts> = {};
  for (const workflow of [...counts.keys()].sort()) {
    const { started: startedRuns, succeeded, failed, skipped } = counts.get(workflow)!;
    byWorkflow[workflow] = { started: startedRuns, runs: succeeded + failed + skipped, succeeded, failed, skipped, successRate: ratio(succeeded, succeeded + failed) };
  }
  return { value: byWorkflow, eventCount: startedRows.events + outcomeRows.events, position: await positionOf(context.reads, [workflowRunsCollection]) };
}

async function savedFromSums(context: KpiContext, period: ResolvedPeriod): Promise<{ value: ManualWorkSaved; events: number }> {
  const { events, rows } = splitEvents(await runSumsIn(context, 'saved', period));
  const byWorkflow: Record<string, number> = {};
  let thousandths = 0;
  for (const [workflow, amount] of rows.sort(([a], [b]) => (a < b ? -1 : 1))) {
    byWorkflow[workflow] = amount / 1000;
    thousandths += amount;
  }
  return { value: { minutes: thousandths / 1000, byWorkflow }, events };
}

async function savedIn(context: KpiContext, period: ResolvedPeriod): Promise<{ value: ManualWorkSaved; runs: WorkflowRunDocument[] }> {
  const runs = await find(context, { succeededAt: instantsIn(period) });
  const value = { minutes: sum(runs.map((run) => run.manualMinutesSaved)), byWorkflow: sumBy(runs, (run) => run.workflow, (run) => run.manualMinutesSaved) };
  return { value, runs };
}

/** manualWorkSaved: Σ manual minutes replaced by workflow runs that succeeded in the period (each run once). */
export async function manualWorkSaved(context: KpiContext, period: Period): Promise<KpiResult<ManualWorkSaved>> {
  if (context.path !== 'scan') {
    const { value, events } = await savedFromSums(context, periodOf(context, period));
    return { value, eventCount: events, position: await positionOf(context.reads, [workflowRunsCollection]) };
  }
  const { value, runs } = await savedIn(context, periodOf(context, period));
  return kpiResult(context, ['workflow_runs'], runs, value);
}

/**
 * manualWorkReduction: saved ÷ (saved + manual admin minutes), saved as in `manualWorkSaved` and
 * manual admin counted on the business date it was performed.
 */
export async function manualWorkReduction(context: KpiContext, period: Period): Promise<KpiResult<ManualWorkReduction>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const [saved, manual] = await Promise.all([savedFromSums(context, resolved), context.reads.find<ManualAdminDocument>('manual_admin', { filter: { performedOn: datesIn(resolved) } })]);
    const manualMinutes = sum(manual.documents.map((entry) => entry.minutes));
    const savedMinutes = saved.value.minutes;
    const value = { rate: ratio(savedMinutes, savedMinutes + manualMinutes), savedMinutes, manualMinutes };
    const result = await kpiResult(context, [workflowRunsCollection, 'manual_admin'], manual.documents, value);
    return { ...result, eventCount: result.eventCount + saved.events };
  }
  const [saved, manual] = await Promise.all([
    savedIn(context, resolved),
    context.reads.find<ManualAdminDocument>('manual_admin', { filter: { performedOn: datesIn(resolved) } }),
  ]);
  const savedMinutes = saved.value.minutes;
  const manualMinutes = sum(manual.documents.map((entry) => entry.minutes));
  const value = { rate: ratio(savedMinutes, savedMinutes + manualMinutes), savedMinutes, manualMinutes };
  return kpiResult(context, ['workflow_runs', 'manual_admin'], [...saved.runs, ...manual.documents], value);
}
