import { slaEscalationName } from '../../projections/support/sla-timers.projection';
import type { TicketOpened } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import { workflowRunId } from '../engine/run-ids';
import { readSteps } from '../engine/step-ledger';
import type { RunContext, Workflow } from '../engine/workflow';
import { supportTriageName, triageWorkItemStep } from './support-triage.workflow';
import { localTime, ticketContext } from './ticket-context';

export { slaEscalationName };

/** Run by the SLA timer when a ticket has no first response by its deadline: a Slack escalation. */
export const slaEscalationWorkflow: Workflow = {
  name: slaEscalationName,
  manualMinutes: 5,
  async run(context, trigger) {
    if (trigger.kind !== 'event') return;
    const event = trigger.event as RecordedEvent<TicketOpened>;
    const { ticket, client, respondBy } = await ticketContext(context.deps, event);
    const url = await triageWorkItemUrl(context, event.id);
    const due = respondBy ? localTime(respondBy, context.deps.config.supportHours.timeZone) : 'its deadline';
    const lines = [
      `:rotating_light: SLA breached: ticket *${ticket.subject}* from ${client ? `${client.name} (${client.tier})` : ticket.clientId} has no first response; it was due by ${due}.`,
      url ? `<${url}|Open the work item in Plane>` : '',
    ];
    await context.step('slack.sla-escalation', 'slack', async (slack) => {
      await slack.post({ text: lines.filter((line) => line.length > 0).join('\n') });
      return { externalId: null, result: { posted: true } };
    }, { atMostOnce: true });
  },
};

async function triageWorkItemUrl(context: RunContext, ticketOpenedId: string): Promise<string | null> {
  const steps = await readSteps(context.deps.eventStore, workflowRunId(ticketOpenedId, supportTriageName));
  const item = steps.steps[triageWorkItemStep];
  return item?.status === 'completed' && typeof item.result.url === 'string' ? item.result.url : null;
}
