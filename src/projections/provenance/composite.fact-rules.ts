import { clientStream } from '../../aggregates/client/client.decider';
import { consultantStream } from '../../aggregates/consultant/consultant.decider';
import { expenseStream } from '../../aggregates/expense/expense.decider';
import { invoiceStream } from '../../aggregates/invoice/invoice.decider';
import { manualAdminStream } from '../../aggregates/operations/manual-admin.decider';
import { workflowRunStream } from '../../aggregates/operations/workflow-run.decider';
import { projectStream } from '../../aggregates/project/project.decider';
import { type ResolvedPeriod, startOfBusinessDate } from '../../core/business-time';
import type { ConsultantDocument, TimeEntryDocument } from '../delivery';
import { availableHours, isActiveDuring } from '../delivery/availability';
import { hundredthsOf } from '../delivery/hours';
import { invoiceBaseCents, paymentBaseCents } from '../financial/base-amounts';
import { clientMrrAt, isActiveAt, mrrChanges } from '../financial/client-timeline';
import { clientsActiveAt, clientsOnboardedBefore, clientsWithRetainersBefore } from '../financial/clients.queries';
import type { ClientDocument } from '../financial/clients.projection';
import { expensesIncurredIn, expensesPaidIn, invoicesWithPaymentsIn } from '../financial/financial.reads';
import type { ExpenseDocument } from '../financial/expenses.projection';
import { invoicedIn } from '../financial/revenue.queries';
import type { ManualAdminDocument } from '../operations/manual-admin.projection';
import type { WorkflowRunDocument } from '../operations/workflow-runs.projection';
import type { KpiContext } from '../shared/kpi';
import { findEvery } from '../shared/documents';
import { datesIn, instantsIn } from '../shared/period-filter';
import { computed, computedPart, eventsOf, type FactPart, type FactRule, type KpiFact, scannedPart } from './kpi-fact';

type Part = Omit<KpiFact, 'entity' | 'id' | 'stream' | 'events'>;

const clientFact = (client: ClientDocument, part: Part): KpiFact => ({ entity: 'Client', id: client.clientId, stream: clientStream(client.clientId), events: eventsOf(client), ...part });
const expenseFact = (expense: ExpenseDocument, part: Part): KpiFact => ({ entity: 'Expense', id: expense.expenseId, stream: expenseStream(expense.expenseId), events: eventsOf(expense), ...part });
const entryFact = (entry: TimeEntryDocument, part: Part): KpiFact => ({ entity: 'TimeEntry', id: entry.entryId, stream: projectStream(entry.projectId), events: eventsOf(entry), ...part });

/** Hours × the cost rate the entry was logged with, rounded to whole cents per entry (as the costs KPI does). */
const entryCostCents = (entry: TimeEntryDocument) => Math.round((hundredthsOf(entry.hours) * entry.costRateCents) / 100);

/** Revenue of the period's invoices (not voided), in base cents: what margin and revenue per hour divide. */
async function revenueFacts(context: KpiContext, period: ResolvedPeriod, asWeight: boolean): Promise<KpiFact[]> {
  return (await invoicedIn(context, period)).map((invoice) => {
    const base = invoiceBaseCents(context, invoice);
    return {
      entity: 'Invoice',
      id: invoice.invoiceId,
      stream: invoiceStream(invoice.invoiceId),
      date: invoice.issuedOn,
      counted: base !== null,
      rule: base === null ? `excluded: in ${invoice.currency} without an exchange rate` : 'revenue: issued in the period',
      contribution: base ?? 0,
      weight: asWeight ? (base ?? 0) : 0,
      events: eventsOf(invoice),
    };
  });
}

/** Expenses incurred in the period and the cost of every hour worked in it (`sign` −1: subtracted, as in a margin). */
function costParts(sign: 1 | -1): FactPart[] {
  return [
    computedPart({
      collections: ['expenses'],
      facts: async (context, period) =>
        (await expensesIncurredIn(context, period)).map((expense) => expenseFact(expense, { date: expense.incurredOn, counted: true, rule: `cost: ${expense.category} incurred in the period`, contribution: sign * expense.amountCents, weight: 0 })),
    }),
    scannedPart<TimeEntryDocument>({
      collection: 'time_entries',
      filter: (period) => ({ workDate: datesIn(period) }),
      fact: (entry) => entryFact(entry, { date: entry.workDate, counted: true, rule: `cost: ${entry.hours} h at ${entry.costRateCents} cents an hour`, contribution: sign * entryCostCents(entry), weight: 0 }),
    }),
  ];
}

async function mrrFacts(context: KpiContext, period: ResolvedPeriod, times: number): Promise<KpiFact[]> {
  return (await clientsWithRetainersBefore(context, period.toInstant)).map((client) => {
    const monthly = clientMrrAt(client, period.toInstant);
    return clientFact(client, {
      date: period.toInstant,
      counted: monthly > 0,
      rule: monthly > 0 ? `retainers in effect at the end of the period: ${monthly} cents a month` : 'excluded: no retainer in effect at the end of the period',
      contribution: monthly * times,
    });
  });
}

export const compositeFacts = {
  MRR_CENTS: computed({ combination: 'SUM', collections: ['clients'], facts: (context, period) => mrrFacts(context, period, 1) }),
  ARR_CENTS: computed({ combination: 'SUM', collections: ['clients'], facts: (context, period) => mrrFacts(context, period, 12) }),
  ARPA_CENTS: computed({
    combination: 'MEAN_ROUNDED',
    collections: ['clients'],
    facts: async (context, period) => (await mrrFacts(context, period, 1)).filter((fact) => fact.counted),
  }),
  NET_NEW_MRR_CENTS: computed({
    combination: 'SUM',
    collections: ['clients'],
    facts: async (context, period) =>
      (await clientsWithRetainersBefore(context, period.toInstant)).flatMap((client) =>
        mrrChanges(client, period.fromInstant, period.toInstant).map((change) => {
          const sign = change.kind === 'contraction' || change.kind === 'churn' ? -1 : 1;
          return { ...clientFact(client, { date: change.at, counted: true, rule: `${change.kind} of ${change.amountCents} cents a month`, contribution: sign * change.amountCents }), entity: 'MrrMovement', id: `${client.clientId}@${change.at}` };
        }),
      ),
  }),
  /** Churned clients over clients active at the start: a client can be in either count, or both. */
  CUSTOMER_CHURN_RATE: computed({
    combination: 'RATIO',
    collections: ['clients'],
    facts: async (context, period) =>
      (await clientsOnboardedBefore(context, period.toInstant)).flatMap((client) => {
        const atStart = isActiveAt(client, period.fromInstant);
        const left = client.activeIntervals.find((interval) => interval.to !== null && interval.to >= period.fromInstant && interval.to < period.toInstant);
        if (!atStart && !left) return [];
        const rule = left ? `offboarded in the period${atStart ? '' : ' (joined during it: not in the denominator)'}` : 'active at the start, not offboarded (in the denominator only)';
        return [clientFact(client, { date: left?.to ?? period.fromInstant, counted: true, rule, contribution: left ? 1 : 0, weight: atStart ? 1 : 0 })];
      }),
  }),
  CLIENT_RETENTION_RATE: computed({
    combination: 'SHARE',
    collections: ['clients'],
    facts: async (context, period) =>
      (await clientsActiveAt(context, period.fromInstant)).map((client) => {
        const retained = isActiveAt(client, period.toInstant);
        return clientFact(client, { date: period.fromInstant, counted: true, rule: retained ? 'active at the start and at the end' : 'active at the start, gone at the end (in the denominator only)', contribution: retained ? 1 : 0 });
      }),
  }),
  COSTS_CENTS: { combination: 'SUM', parts: costParts(1) },
  /** (revenue − costs) ÷ revenue: revenue in both sums, costs subtracted above the line. */
  PROFIT_MARGIN: {
    combination: 'RATIO',
    parts: [computedPart({ collections: ['invoices'], facts: (context, period) => revenueFacts(context, period, true) }), ...costParts(-1)],
  },
  REVENUE_PER_CONSULTANT_HOUR_CENTS: {
    combination: 'RATIO',
    parts: [
      computedPart({ collections: ['invoices'], facts: (context, period) => revenueFacts(context, period, false) }),
      scannedPart<TimeEntryDocument>({
        collection: 'time_entries',
        filter: (period) => ({ workDate: datesIn(period) }),
        fact: (entry) => entryFact(entry, { date: entry.workDate, counted: true, rule: `hours worked: ${entry.hours} h (in the denominator)`, contribution: 0, weight: entry.hours }),
      }),
    ],
  },
  CASH_FLOW_NET_CENTS: computed({
    combination: 'SUM',
    collections: ['invoices', 'expenses'],
    facts: async (context, period) => {
      const [invoices, expenses] = await Promise.all([invoicesWithPaymentsIn(context, period), expensesPaidIn(context, period)]);
      const inflows = invoices.flatMap((invoice) =>
        invoice.payments
          .filter((payment) => payment.paidOn >= period.fromDate && payment.paidOn < period.toDate)
          .map((payment) => {
            const base = paymentBaseCents(context, invoice, payment);
            return { entity: 'Payment', id: payment.paymentId, stream: invoiceStream(invoice.invoiceId), date: payment.paidOn, counted: base !== null, rule: base === null ? 'excluded: no exchange rate' : 'inflow: paid in the period', contribution: base ?? 0, events: eventsOf(invoice) };
          }),
      );
      return [...inflows, ...expenses.map((expense) => expenseFact(expense, { date: expense.paidOn!, counted: true, rule: `outflow: ${expense.category} paid in the period`, contribution: -expense.amountCents }))];
    },
  }),
  /** Billable hours ÷ available hours: entries above the line, each consultant's capacity below it. */
  BILLABLE_UTILISATION: {
    combination: 'RATIO',
    parts: [
      scannedPart<TimeEntryDocument>({
        collection: 'time_entries',
        filter: (period) => ({ billable: true, workDate: datesIn(period) }),
        fact: (entry) => entryFact(entry, { date: entry.workDate, counted: true, rule: `billable: ${entry.hours} h`, contribution: entry.hours, weight: 0 }),
      }),
      computedPart({ collections: ['consultants', 'time_entries'], facts: consultantCapacityFacts }),
    ],
  },
  /** Saved ÷ (saved + manual admin minutes). */
  MANUAL_WORK_REDUCTION: {
    combination: 'RATIO',
    parts: [
      scannedPart<WorkflowRunDocument>({
        collection: 'workflow_runs',
        filter: (period) => ({ succeededAt: instantsIn(period) }),
        fact: (run) => ({ entity: 'WorkflowRun', id: run.runId, stream: workflowRunStream(run.runId), date: run.succeededAt!, counted: true, rule: `${run.workflow} saved ${run.manualMinutesSaved} minutes`, contribution: run.manualMinutesSaved, weight: run.manualMinutesSaved, events: eventsOf(run) }),
      }),
      scannedPart<ManualAdminDocument>({
        collection: 'manual_admin',
        filter: (period) => ({ performedOn: datesIn(period) }),
        fact: (entry) => ({ entity: 'ManualAdmin', id: entry.entryId, stream: manualAdminStream(entry.entryId), date: entry.performedOn, counted: true, rule: `done by hand: ${entry.minutes} minutes (in the denominator)`, contribution: 0, weight: entry.minutes, events: eventsOf(entry) }),
      }),
    ],
  },
} as const satisfies Record<string, FactRule>;

/** Consultants registered by the period's end, active in it or with billable hours in it, each with the hours they had available. */
async function consultantCapacityFacts(context: KpiContext, period: ResolvedPeriod): Promise<KpiFact[]> {
  const range = { from: period.fromDate, to: period.toDate };
  const registeredBefore = startOfBusinessDate(range.to, context.timeZone).toISOString();
  const [registered, logging] = await Promise.all([
    findEvery<ConsultantDocument>(context.reads, 'consultants', { registeredAt: { $lt: registeredBefore } }),
    findEvery<TimeEntryDocument>(context.reads, 'time_entries', { billable: true, workDate: datesIn(period) }),
  ]);
  const withHours = new Set(logging.map((entry) => entry.consultantId));
  return registered
    .filter((consultant) => withHours.has(consultant.consultantId) || isActiveDuring(consultant, range, context.timeZone))
    .map((consultant) => {
      const available = Math.round(availableHours(consultant, range, context.timeZone) * 1000) / 1000;
      return { entity: 'Consultant', id: consultant.consultantId, stream: consultantStream(consultant.consultantId), date: period.fromDate, counted: true, rule: `available: ${available} h in the period (capacity less time off)`, contribution: 0, weight: available, events: eventsOf(consultant) };
    });
}
