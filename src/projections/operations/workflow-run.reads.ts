import type { ResolvedPeriod } from '../../core/business-time';
import { indexedEdge, periodSums } from '../shared/instant-buckets';
import type { KpiContext } from '../shared/kpi';
import { eventsKey, workflowRunSums } from './workflow-run.sums';
import type { WorkflowRunDocument } from './workflow-run.document';

export const workflowRunsCollection = 'workflow_runs';

type Measure = 'started' | 'outcome' | 'saved';
const fieldOf: Record<Measure, keyof WorkflowRunDocument & string> = { started: 'startedAt', outcome: 'finishedAt', saved: 'succeededAt' };

/**
 * The workflow_runs sums of one measure over the period: its whole UTC days from the sum documents,
 * the hours either side (if any) from the runs themselves, through the same `workflowRunSums`.
 */
export function runSumsIn(context: KpiContext, measure: Measure, period: ResolvedPeriod): Promise<Map<string, number>> {
  return periodSums(context.reads, workflowRunsCollection, measure, period, indexedEdge(context.reads, workflowRunsCollection, fieldOf[measure], workflowRunSums, measure));
}

/** The events behind a measure's sums, and its other keys. */
export function splitEvents(totals: ReadonlyMap<string, number>): { events: number; rows: Array<[string, number]> } {
  let events = 0;
  const rows: Array<[string, number]> = [];
  for (const [key, amount] of totals) {
    if (key.startsWith(eventsKey)) events += amount;
    else if (amount !== 0) rows.push([key, amount]);
  }
  return { events, rows };
}
