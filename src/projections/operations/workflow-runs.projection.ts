import type { WorkflowRunEvent } from '../../aggregates/operations/workflow-run.events';
import type { Projection } from '../../core/projection';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';
import type { WorkflowRunDocument } from './workflow-run.document';
import { workflowRunSums } from './workflow-run.sums';

export type { WorkflowRunDocument, WorkflowRunStatus } from './workflow-run.document';

type Event = RecordedOf<WorkflowRunEvent>;

function started(event: RecordedOfType<WorkflowRunEvent, 'WorkflowRunStarted'>, id: string): WorkflowRunDocument {
  const { workflow, manualMinutes } = event.data;
  const outcome = { finishedAt: null, succeededAt: null, manualMinutesSaved: 0, lastError: null };
  return { _id: id, runId: id, workflow, startedAt: occurredAt(event), status: 'running', attempts: 1, manualMinutes, ...outcome };
}

function evolveRun(run: WorkflowRunDocument, event: Event): WorkflowRunDocument {
  const at = occurredAt(event);
  switch (event.type) {
    case 'WorkflowRunSucceeded':
      return { ...run, status: 'succeeded', finishedAt: at, succeededAt: at, manualMinutesSaved: event.data.manualMinutesSaved };
    case 'WorkflowRunFailed':
      return { ...run, status: 'failed', finishedAt: at, lastError: event.data.error };
    case 'WorkflowRunSkipped':
      return { ...run, status: 'skipped', finishedAt: at };
    case 'WorkflowRunRetried':
      return { ...run, status: 'running', finishedAt: null, attempts: event.data.attempt };
    default:
      return run;
  }
}

export const workflowRunsProjection: Projection<WorkflowRunDocument> = {
  name: 'workflow_runs',
  // 2: sums of the runs per hour, day and month (workflow-run.sums.ts) beside the runs; 3: each
  // counted fact counts 1 in them (not the run's events); 4: no hour sums (about one per run).
  version: 4,
  handles: ['WorkflowRunStarted', 'WorkflowRunSucceeded', 'WorkflowRunFailed', 'WorkflowRunSkipped', 'WorkflowRunRetried'],
  documentIds: (event) => [(event.data as { runId: string }).runId],
  evolve(run, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'WorkflowRunStarted') return run ?? started(event, id);
    return run === null ? null : evolveRun(run, event);
  },
  sums: workflowRunSums,
  indexes: [
    { name: 'workflow_runs_started_at', fields: ['startedAt'] },
    { name: 'workflow_runs_finished_at', fields: ['finishedAt'] },
    { name: 'workflow_runs_succeeded_at', fields: ['succeededAt'] },
  ],
};
