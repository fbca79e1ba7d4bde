import type { TicketOpened } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import { addBusinessHours } from '../engine/business-hours';
import { workflowRunId } from '../engine/run-ids';
import { readRun } from '../engine/run-state';
import { readSteps } from '../engine/step-ledger';
import { NotReadyYet } from '../engine/step-runner';
import { checkpointKey } from '../engine/workflow-checkpoints';
import type { WorkflowDeps } from '../engine/workflow';
import { clientOnboardingName } from '../onboarding/client-onboarding.workflow';
import { projectStep } from '../onboarding/onboarding-plane.steps';
import { readClientFacts, type ClientFacts } from '../shared/client-facts';

export interface TicketContext {
  readonly ticket: TicketOpened['data'];
  readonly client: ClientFacts | null;
  /** First response due by, in business hours of the client's tier; null for an unknown client. */
  readonly respondBy: string | null;
}

export async function ticketContext(deps: WorkflowDeps, event: RecordedEvent<TicketOpened>): Promise<TicketContext> {
  const ticket = event.data;
  const client = await readClientFacts(deps.eventStore, ticket.clientId);
  return { ticket, client, respondBy: client ? respondBy(deps, ticket.openedAt, client) : null };
}

export function respondBy(deps: WorkflowDeps, openedAt: string, client: ClientFacts): string {
  const { slaHours, supportHours } = deps.config;
  return addBusinessHours(new Date(openedAt), slaHours[client.tier], supportHours).toISOString();
}

/**
 * The Plane project of the client's onboarding run; null when that run ended without one or will
 * never run (the onboarding was history, or came before the workflows started). While the run is
 * still to come or under way — a ticket often arrives minutes after its client was onboarded —
 * the ticket waits for it (`NotReadyYet`) rather than lose its work item.
 */
export async function onboardingProjectId(deps: WorkflowDeps, client: ClientFacts): Promise<string | null> {
  // The checkpoint first: once it is past ClientOnboarded, that run's records are final.
  const passed = await onboardingPassed(deps, client);
  const runId = workflowRunId(client.onboardedEventId, clientOnboardingName);
  const project = (await readSteps(deps.eventStore, runId)).steps[projectStep];
  if (project?.status === 'completed') return project.externalId;
  const { status } = await readRun(deps.eventStore, runId);
  if (status === 'running' || (status === 'none' && !passed)) throw new NotReadyYet(`the onboarding run of client ${client.clientId} (${status === 'none' ? 'not started yet' : 'under way'})`);
  return null;
}

/** Whether the onboarding workflow's consumer has handled (or passed over) the client's ClientOnboarded. */
async function onboardingPassed(deps: WorkflowDeps, client: ClientFacts): Promise<boolean> {
  const checkpoint = await deps.readStore.checkpoint(checkpointKey(clientOnboardingName));
  const position = checkpoint?.position ?? null;
  return position !== null && position >= client.onboardedPosition;
}

export const priorityInPlane = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', URGENT: 'urgent' } as const;

/** How a deadline reads in Slack, `Mon 2 Mar 14:00` in the support time zone (built from parts: ICU punctuation varies). */
export function localTime(instant: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-AU', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.hour}:${part.minute}`;
}
