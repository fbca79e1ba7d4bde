import { deterministicId } from '../../core/ids';
import type { Trigger } from './workflow';

/** The event id, or `<schedule>@<instant>` for a schedule's occurrence. */
export function triggerKeyOf(trigger: Trigger): string {
  return trigger.kind === 'event' ? trigger.event.id : `${trigger.schedule}@${trigger.at}`;
}

/**
 * One run per trigger and workflow: the id is derived from both, so a replayed event or a second
 * look at the same occurrence finds the run it started and never starts another.
 */
export function workflowRunId(triggerKey: string, workflow: string): string {
  return deterministicId(`workflow-run\u0000${workflow}\u0000${triggerKey}`);
}

/** The idempotency key of a step: the marker it leaves in the tool (external id, number…). */
export function stepKey(triggerKey: string, step: string): string {
  return `${triggerKey}:${step}`;
}

/** A short, stable tag derived from a key, for tool fields with tight formats (identifiers, numbers). */
export function shortTag(key: string, length = 8): string {
  return deterministicId(key).replaceAll('-', '').slice(0, length).toUpperCase();
}
