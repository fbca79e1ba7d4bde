import { leadStream } from '../../aggregates/lead/lead.decider';
import { workflowRunStream } from '../../aggregates/operations/workflow-run.decider';
import type { WorkflowRunDocument } from '../operations/workflow-runs.projection';
import { closedIn } from '../sales/lead-history';
import type { LeadDocument } from '../sales/leads.projection';
import { salesCycleDaysOf } from '../sales/win.queries';
import { instantsIn } from '../shared/period-filter';
import { eventsOf, type FactRule, type KpiFact, scanned } from './kpi-fact';

const leadFact = (lead: LeadDocument, date: string, rule: string, contribution: number): KpiFact => ({
  entity: 'Lead',
  id: lead.leadId,
  stream: leadStream(lead.leadId),
  date,
  counted: true,
  rule,
  contribution,
  events: eventsOf(lead),
});

export const salesFacts = {
  LEADS_CAPTURED: scanned<LeadDocument>({
    combination: 'SUM',
    collection: 'leads',
    filter: (period) => ({ capturedAt: instantsIn(period) }),
    fact: (lead) => leadFact(lead, lead.capturedAt, `captured in the period (${lead.source}${lead.campaignId ? `, campaign ${lead.campaignId}` : ''})`, 1),
  }),
  /** A lead counts once, with the outcome of its last closing in the period. */
  WIN_RATE: scanned<LeadDocument>({
    combination: 'SHARE',
    collection: 'leads',
    filter: (period) => ({ lastClosedAt: { $gte: period.fromInstant } }),
    fact: (lead, _context, period) => {
      const outcome = closedIn(lead, period);
      if (outcome === null) return null;
      return leadFact(lead, lead.lastClosedAt!, outcome === 'won' ? 'won in the period' : 'lost in the period (in the denominator only)', outcome === 'won' ? 1 : 0);
    },
  }),
  SALES_CYCLE_DAYS: scanned<LeadDocument>({
    combination: 'MEAN',
    collection: 'leads',
    filter: (period) => ({ wonAt: instantsIn(period) }),
    fact: (lead, context) => {
      const days = salesCycleDaysOf(lead, context.timeZone);
      return leadFact(lead, lead.wonAt!, `won in the period ${days} days after its capture`, days);
    },
  }),
} as const satisfies Record<string, FactRule>;

export const operationsFacts = {
  MANUAL_WORK_SAVED_MINUTES: scanned<WorkflowRunDocument>({
    combination: 'SUM',
    collection: 'workflow_runs',
    filter: (period) => ({ succeededAt: instantsIn(period) }),
    fact: (run) => ({
      entity: 'WorkflowRun',
      id: run.runId,
      stream: workflowRunStream(run.runId),
      date: run.succeededAt!,
      counted: true,
      rule: `${run.workflow} succeeded in the period, replacing ${run.manualMinutesSaved} manual minutes`,
      contribution: run.manualMinutesSaved,
      events: eventsOf(run),
    }),
  }),
} as const satisfies Record<string, FactRule>;
