import type { TicketOpened } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import { addBusinessHours } from '../engine/business-hours';
import { workflowRunId } from '../engine/run-ids';
import { readSteps } from '../engine/step-ledger';
import type { WorkflowDeps } from '../engine/workflow';
import { clientOnboardingName } from '../onboarding/client-onboarding.workflow';
import { projectStep } from '../onboarding/onboarding-plane.steps';
import { readClientFacts, type ClientFacts } from '../shared/client-facts';

export interface TicketContext {
  readonly ticket: TicketOpened['data'];
  readonly client: ClientFacts | null;
  /** The Plane project the onboarding run recorded for the client, if it ran. */
  readonly planeProjectId: string | null;
  /** First response due by, in business hours of the client's tier; null for an unknown client. */
  readonly respondBy: string | null;
}

export async function ticketContext(deps: WorkflowDeps, event: RecordedEvent<TicketOpened>): Promise<TicketContext> {
  const ticket = event.data;
  const client = await readClientFacts(deps.eventStore, ticket.clientId);
  const planeProjectId = client ? await onboardingProjectId(deps, client) : null;
  return { ticket, client, planeProjectId, respondBy: client ? respondBy(deps, ticket.openedAt, client) : null };
}

export function respondBy(deps: WorkflowDeps, openedAt: string, client: ClientFacts): string {
  const { slaHours, supportHours } = deps.config;
  return addBusinessHours(new Date(openedAt), slaHours[client.tier], supportHours).toISOString();
}

async function onboardingProjectId(deps: WorkflowDeps, client: ClientFacts): Promise<string | null> {
  const steps = await readSteps(deps.eventStore, workflowRunId(client.onboardedEventId, clientOnboardingName));
  const project = steps.steps[projectStep];
  return project?.status === 'completed' ? project.externalId : null;
}

export const priorityInPlane = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', URGENT: 'urgent' } as const;

/** How a deadline reads in Slack, `Mon 2 Mar 14:00` in the support time zone (built from parts: ICU punctuation varies). */
export function localTime(instant: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-AU', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.hour}:${part.minute}`;
}
