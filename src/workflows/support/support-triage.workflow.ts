import type { TicketOpened } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import type { EventWorkflow, RunContext } from '../engine/workflow';
import { escapeHtml, externalSource } from '../onboarding/onboarding-plane.steps';
import { localTime, onboardingProjectId, priorityInPlane, ticketContext, type TicketContext } from './ticket-context';

export const supportTriageName = 'support-triage';
export const triageWorkItemStep = 'plane.work-item';

/** A new ticket becomes a work item in the client's Plane project and a Slack post with the links. */
export const supportTriageWorkflow: EventWorkflow = {
  name: supportTriageName,
  manualMinutes: 10,
  triggers: ['TicketOpened'],
  async run(context, trigger) {
    if (trigger.kind !== 'event') return;
    const ticket = await ticketContext(context.deps, trigger.event as RecordedEvent<TicketOpened>);
    const url = await fileWorkItem(context, ticket);
    await context.step('slack.new-ticket', 'slack', async (slack) => {
      await slack.post({ text: newTicketText(context, ticket, url) });
      return { externalId: null, result: { posted: true } };
    }, { atMostOnce: true });
  },
};

async function fileWorkItem(context: RunContext, { ticket, client }: TicketContext): Promise<string | null> {
  const planeProjectId = client ? await onboardingProjectId(context.deps, client) : null;
  if (planeProjectId === null) {
    await context.skip(triageWorkItemStep, `no Plane project was recorded for client ${ticket.clientId} by its onboarding run`);
    return null;
  }
  const item = await context.step(triageWorkItemStep, 'plane', async (plane, key) => {
    const description = `<p>${escapeHtml(ticket.subject)}</p><p>Ticket ${escapeHtml(ticket.ticketId)} via ${ticket.channel} from ${escapeHtml(client?.name ?? ticket.clientId)}</p>`;
    const { workItem, created } = await plane.ensureWorkItem(planeProjectId, {
      name: `[${ticket.priority}] ${ticket.subject}`.slice(0, 255),
      descriptionHtml: description,
      priority: priorityInPlane[ticket.priority],
      externalId: key,
      externalSource,
    });
    return { externalId: workItem.id, result: { url: plane.workItemUrl(planeProjectId, workItem.id), created } };
  });
  return typeof item?.result.url === 'string' ? item.result.url : null;
}

function newTicketText(context: RunContext, { ticket, client, respondBy }: TicketContext, url: string | null): string {
  const who = client ? `${client.name} (${client.tier})` : `unknown client ${ticket.clientId}`;
  const due = respondBy ? `First response due by ${localTime(respondBy, context.deps.config.supportHours.timeZone)}.` : '';
  const link = url ? `<${url}|Open the work item in Plane>` : 'No Plane work item (no client project).';
  return [`:ticket: New ${ticket.priority} ticket from ${who} via ${ticket.channel}: *${ticket.subject}*`, due, link].filter((part) => part.length > 0).join('\n');
}
