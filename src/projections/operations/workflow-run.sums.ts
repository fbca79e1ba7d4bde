import type { Contribution, DerivedSums } from '../../core/projection-sums';
import { instantContributions } from '../shared/instant-buckets';
import type { WorkflowRunDocument } from './workflow-run.document';

/**
 * Saved minutes are summed in thousandths of a minute: `manualMinutes` may be fractional, and
 * integer sums are exact in any order (a run's amount leaves its bucket exactly as it came).
 */
export const thousandthsOf = (minutes: number): number => Math.round(minutes * 1000);

/**
 * Key of the facts counted in each sum (a start, an outcome, a success): the bucket path's
 * `eventCount`. A constant 1, not the run's `_events`: a run's sums then change only when its
 * start or outcome does, not with every event of the run (a rebuild writes far fewer sums).
 */
export const eventsKey = '\u0000events';

/**
 * What a run adds to the workflow_runs sums: 1 per workflow on the instant it started; 1 per
 * outcome and workflow on the instant of its current outcome (a retried run leaves the failure's
 * instant and, once it succeeds, adds to the success's); its saved manual minutes (in thousandths) on the instant it
 * succeeded. Each counts as one fact, so a period can say how many facts fed it.
 */
export const workflowRunSums: DerivedSums<WorkflowRunDocument> = {
  of(run) {
    const events = 1;
    const contributions: Contribution[] = instantContributions('started', run.startedAt, [[run.workflow, 1], [eventsKey, events]]);
    if (run.status !== 'running' && run.finishedAt) contributions.push(...instantContributions('outcome', run.finishedAt, [[`${run.status}\t${run.workflow}`, 1], [eventsKey, events]]));
    if (run.succeededAt) contributions.push(...instantContributions('saved', run.succeededAt, [[run.workflow, thousandthsOf(run.manualMinutesSaved)], [`${eventsKey}\t${run.workflow}`, events]]));
    return contributions;
  },
};
