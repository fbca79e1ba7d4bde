import { workflowRunDecider, workflowRunStream, type WorkflowRunState } from '../../aggregates/operations/workflow-run.decider';
import type { WorkflowRunEvent, WorkflowTrigger } from '../../aggregates/operations/workflow-run.events';
import { fold } from '../../core/decider';
import { UpstreamError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import type { Trigger } from './workflow';
import type { StoredTrigger } from '../../aggregates/workflow-steps/workflow-steps.events';

/** The run as the operations aggregate sees it (status, attempt); an unknown run is `none`. */
export async function readRun(store: EventStore, runId: string): Promise<WorkflowRunState> {
  const events: WorkflowRunEvent[] = [];
  for await (const event of store.readStream(workflowRunStream(runId))) events.push({ type: event.type, data: event.data } as WorkflowRunEvent);
  return fold(workflowRunDecider, events);
}

/** The trigger as WorkflowRunStarted records it; a schedule names its occurrence. */
export function runTriggerOf(trigger: Trigger): WorkflowTrigger {
  return trigger.kind === 'event' ? { kind: 'event', eventId: trigger.event.id } : { kind: 'schedule', schedule: `${trigger.schedule}@${trigger.at}` };
}

export function storedTriggerOf(trigger: Trigger): StoredTrigger {
  if (trigger.kind === 'schedule') return trigger;
  const { event } = trigger;
  return { kind: 'event', eventId: event.id, eventType: event.type, stream: event.stream, revision: event.revision.toString() };
}

/** Loads the trigger a run recorded, to run it again after a retry. */
export async function loadTrigger(store: EventStore, stored: StoredTrigger): Promise<Trigger> {
  if (stored.kind === 'schedule') return stored;
  for await (const event of store.readStream(stored.stream, { fromRevision: BigInt(stored.revision), maxCount: 1 })) {
    if (event.id === stored.eventId) return { kind: 'event', event };
  }
  throw new UpstreamError('workflow.trigger_missing', `Event ${stored.eventId} that triggered the run is no longer at ${stored.stream}@${stored.revision}`);
}
