import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';
import type { ApiClient } from '../api-client';
import { mutationFor, mutationOf } from './every-command.fixture';
import type { CommandType } from '../../schema/commands/execute-command';

/** A command sent as a mutation with `occurredAt`: [type, instant (Z, 10:00 in Brisbane), input]. */
type HistoryRow = readonly [CommandType, string, Record<string, unknown>];

const at = (date: string, time = '00:00') => `${date}T${time}:00Z`;

/**
 * A small consultancy around March 2026 (the period the specs ask for), every figure chosen so the
 * KPIs can be computed by hand: see the expectations in the dashboard specs.
 */
export const march = { from: '2026-03-01', to: '2026-04-01' };

export const history: readonly HistoryRow[] = [
  ['RegisterConsultant', at('2026-01-02'), { consultantId: 'k-1', name: 'Kim', email: 'kim@zixly.test', weeklyCapacityHours: 40, costRateCents: 5_000, billRateCents: 15_000 }],
  ['RegisterConsultant', at('2026-01-02'), { consultantId: 'k-2', name: 'Lee', email: 'lee@zixly.test', weeklyCapacityHours: 20, costRateCents: 4_000, billRateCents: 12_000 }],
  ['OnboardClient', at('2026-01-05'), { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Logistics' }],
  ['StartRetainer', at('2026-01-05'), { clientId: 'c-1', retainerId: 'r-1', amountCents: 200_000, billingPeriod: 'MONTHLY' }],
  ['OnboardClient', at('2026-01-06'), { clientId: 'c-2', name: 'Globex', tier: 'PROFESSIONAL', industry: 'Retail' }],
  ['StartRetainer', at('2026-01-06'), { clientId: 'c-2', retainerId: 'r-2', amountCents: 500_000, billingPeriod: 'MONTHLY' }],
  ['OnboardClient', at('2026-01-07'), { clientId: 'c-3', name: 'Initech', tier: 'ENTERPRISE', industry: 'Finance' }],
  ['StartRetainer', at('2026-01-07'), { clientId: 'c-3', retainerId: 'r-3', amountCents: 300_000, billingPeriod: 'MONTHLY' }],
  ['IssueInvoice', at('2026-01-10'), { invoiceId: 'i-6', clientId: 'c-2', number: 'INV-006', amountCents: 150_000, issuedOn: '2026-01-10', dueOn: '2026-01-24', kind: 'ONE_OFF' }],
  ['IssueInvoice', at('2026-02-01'), { invoiceId: 'i-0', clientId: 'c-1', number: 'INV-000', amountCents: 200_000, issuedOn: '2026-02-01', dueOn: '2026-02-15', kind: 'RECURRING' }],
  ['StartProject', at('2026-02-10'), { projectId: 'p-1', clientId: 'c-2', tier: 'PROFESSIONAL', name: 'Ops automation', budgetHours: 100, budgetAmountCents: 1_500_000, startedOn: '2026-02-10', dueOn: '2026-03-20' }],
  ['LaunchCampaign', at('2026-02-20'), { campaignId: 'cmp-1', name: 'Spring webinar', channel: 'EVENT' }],
  ['LogHours', at('2026-02-20'), { projectId: 'p-1', entryId: 'e-7', consultantId: 'k-1', workDate: '2026-02-20', hours: 10, billable: true }],
  ['OpenTicket', at('2026-02-27'), { ticketId: 't-0', clientId: 'c-1', channel: 'PHONE', priority: 'LOW', subject: 'Login' }],
  ['RecordFirstResponse', at('2026-02-27', '01:00'), { ticketId: 't-0', responderId: 'k-1' }],
  // March 2026
  ['ResolveTicket', at('2026-03-01'), { ticketId: 't-0' }],
  ['RateTicket', at('2026-03-01', '01:00'), { ticketId: 't-0', ratingId: 'csat-0', score: 4 }],
  ['IssueInvoice', at('2026-03-01'), { invoiceId: 'i-1', clientId: 'c-1', number: 'INV-001', amountCents: 200_000, issuedOn: '2026-03-01', dueOn: '2026-03-15', kind: 'RECURRING' }],
  ['IssueInvoice', at('2026-03-01'), { invoiceId: 'i-2', clientId: 'c-2', number: 'INV-002', amountCents: 500_000, issuedOn: '2026-03-01', dueOn: '2026-03-15', kind: 'RECURRING' }],
  ['IssueInvoice', at('2026-03-01'), { invoiceId: 'i-4', clientId: 'c-3', number: 'INV-004', amountCents: 300_000, issuedOn: '2026-03-01', dueOn: '2026-03-15', kind: 'RECURRING' }],
  ['RecordTimeOff', at('2026-03-01'), { consultantId: 'k-1', timeOffId: 'off-1', date: '2026-03-13', hours: 8 }],
  ['RecordCampaignCost', at('2026-03-01'), { campaignId: 'cmp-1', costId: 'bill-1', amountCents: 60_000, incurredOn: '2026-03-01' }],
  ['CaptureLead', at('2026-03-01'), { leadId: 'l-1', name: 'Umbrella', source: 'EVENT', campaignId: 'cmp-1' }],
  ['StartProject', at('2026-03-02'), { projectId: 'p-2', clientId: 'c-1', tier: 'STARTER', name: 'Reporting', budgetHours: 20, budgetAmountCents: 300_000, startedOn: '2026-03-02', dueOn: '2026-03-16' }],
  ['LogHours', at('2026-03-02'), { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-02', hours: 8, billable: true }],
  ['RecordPayment', at('2026-03-02'), { invoiceId: 'i-0', paymentId: 'pay-0', amountCents: 200_000, paidOn: '2026-03-02' }],
  ['OpenTicket', at('2026-03-02'), { ticketId: 't-1', clientId: 'c-1', channel: 'EMAIL', priority: 'HIGH', subject: 'Sync stopped' }],
  ['RecordFirstResponse', at('2026-03-02', '00:30'), { ticketId: 't-1', responderId: 'k-1' }],
  ['ResolveTicket', at('2026-03-02', '02:00'), { ticketId: 't-1' }],
  ['RateTicket', at('2026-03-02', '03:00'), { ticketId: 't-1', ratingId: 'csat-1', score: 5 }],
  ['MoveLeadStage', at('2026-03-02'), { leadId: 'l-1', to: 'QUALIFIED' }],
  ['CaptureLead', at('2026-03-02'), { leadId: 'l-2', name: 'Hooli', source: 'REFERRAL' }],
  ['StartWorkflowRun', at('2026-03-02'), { runId: 'w-1', workflow: 'invoice-reminder', trigger: { eventId: 'evt-1' }, manualMinutes: 10 }],
  ['CompleteWorkflowRun', at('2026-03-02', '00:05'), { runId: 'w-1' }],
  ['LogHours', at('2026-03-03'), { projectId: 'p-1', entryId: 'e-2', consultantId: 'k-1', workDate: '2026-03-03', hours: 6, billable: true }],
  ['RecordExpense', at('2026-03-03'), { expenseId: 'x-1', category: 'TOOLS', amountCents: 50_000, incurredOn: '2026-03-03', paidOn: '2026-03-03' }],
  ['OpenTicket', at('2026-03-03'), { ticketId: 't-2', clientId: 'c-2', channel: 'CHAT', priority: 'LOW', subject: 'Report format' }],
  ['RecordFirstResponse', at('2026-03-03', '01:00'), { ticketId: 't-2', responderId: 'k-2' }],
  ['MoveLeadStage', at('2026-03-03'), { leadId: 'l-1', to: 'PROPOSAL' }],
  ['CaptureLead', at('2026-03-03'), { leadId: 'l-3', name: 'Stark', source: 'WEBSITE' }],
  ['LogHours', at('2026-03-04'), { projectId: 'p-2', entryId: 'e-3', consultantId: 'k-2', workDate: '2026-03-04', hours: 4, billable: true }],
  ['ResolveTicket', at('2026-03-04'), { ticketId: 't-2' }],
  ['MoveLeadStage', at('2026-03-04'), { leadId: 'l-1', to: 'NEGOTIATION' }],
  ['MoveLeadStage', at('2026-03-04'), { leadId: 'l-2', to: 'QUALIFIED' }],
  ['CaptureLead', at('2026-03-04'), { leadId: 'l-4', name: 'Wayne', source: 'EVENT', campaignId: 'cmp-1' }],
  ['EstimateLeadValue', at('2026-03-04'), { leadId: 'l-4', valueCents: 200_000 }],
  ['LogHours', at('2026-03-05'), { projectId: 'p-2', entryId: 'e-4', consultantId: 'k-2', workDate: '2026-03-05', hours: 2, billable: false }],
  ['RateTicket', at('2026-03-05'), { ticketId: 't-2', ratingId: 'csat-2', score: 3 }],
  ['WinLead', at('2026-03-05'), { leadId: 'l-1', valueCents: 1_200_000, clientId: 'c-4' }],
  ['OnboardClient', at('2026-03-05'), { clientId: 'c-4', name: 'Umbrella', tier: 'STARTER', industry: 'Health', sourceLeadId: 'l-1', sourceCampaignId: 'cmp-1' }],
  ['StartRetainer', at('2026-03-05'), { clientId: 'c-4', retainerId: 'r-4', amountCents: 100_000, billingPeriod: 'MONTHLY' }],
  ['RecordManualAdmin', at('2026-03-05'), { entryId: 'admin-1', minutes: 30, description: 'Reconciled payments by hand', performedOn: '2026-03-05' }],
  ['RecordExpense', at('2026-03-06'), { expenseId: 'x-3', category: 'MARKETING', amountCents: 30_000, incurredOn: '2026-03-06', paidOn: '2026-03-06', campaignId: 'cmp-1' }],
  ['MoveLeadStage', at('2026-03-06'), { leadId: 'l-3', to: 'QUALIFIED' }],
  ['EstimateLeadValue', at('2026-03-06'), { leadId: 'l-3', valueCents: 500_000 }],
  ['StartProject', at('2026-03-09'), { projectId: 'p-3', clientId: 'c-2', tier: 'PROFESSIONAL', name: 'Data migration', budgetHours: 50, budgetAmountCents: 750_000, startedOn: '2026-03-09', dueOn: '2026-05-01' }],
  ['StartWorkflowRun', at('2026-03-09'), { runId: 'w-2', workflow: 'weekly-report', trigger: { schedule: 'mondays' }, manualMinutes: 45 }],
  ['FailWorkflowRun', at('2026-03-09', '00:05'), { runId: 'w-2', error: 'Timeout', retryable: true }],
  ['LogHours', at('2026-03-10'), { projectId: 'p-3', entryId: 'e-5', consultantId: 'k-1', workDate: '2026-03-10', hours: 5, billable: true }],
  ['CorrectTimeEntry', at('2026-03-10', '01:00'), { projectId: 'p-3', entryId: 'e-5', workDate: '2026-03-10', hours: 7, billable: true }],
  ['RecordPayment', at('2026-03-10'), { invoiceId: 'i-1', paymentId: 'pay-1', amountCents: 200_000, paidOn: '2026-03-10' }],
  ['ChangeRetainerAmount', at('2026-03-10'), { clientId: 'c-2', retainerId: 'r-2', amountCents: 600_000 }],
  ['OpenTicket', at('2026-03-10'), { ticketId: 't-3', clientId: 'c-2', channel: 'EMAIL', priority: 'MEDIUM', subject: 'New user' }],
  ['RecordFirstResponse', at('2026-03-10', '00:10'), { ticketId: 't-3', responderId: 'k-2' }],
  ['LoseLead', at('2026-03-10'), { leadId: 'l-2', reason: 'Budget went elsewhere' }],
  ['StartWorkflowRun', at('2026-03-10'), { runId: 'w-3', workflow: 'invoice-reminder', trigger: { eventId: 'evt-3' }, manualMinutes: 10 }],
  ['SkipWorkflowRun', at('2026-03-10', '00:05'), { runId: 'w-3', reason: 'Already paid' }],
  ['LogHours', at('2026-03-11'), { projectId: 'p-3', entryId: 'e-6', consultantId: 'k-1', workDate: '2026-03-11', hours: 3, billable: true }],
  ['DeleteTimeEntry', at('2026-03-11', '01:00'), { projectId: 'p-3', entryId: 'e-6' }],
  ['RecordExpense', at('2026-03-12'), { expenseId: 'x-2', category: 'CONTRACTORS', amountCents: 80_000, incurredOn: '2026-03-12', projectId: 'p-3' }],
  ['CancelRetainer', at('2026-03-15'), { clientId: 'c-3', retainerId: 'r-3', reason: 'Budget cuts' }],
  ['StartWorkflowRun', at('2026-03-16'), { runId: 'w-4', workflow: 'invoice-reminder', trigger: { eventId: 'evt-4' }, manualMinutes: 10 }],
  ['CompleteWorkflowRun', at('2026-03-16', '00:05'), { runId: 'w-4' }],
  ['CompleteProject', at('2026-03-18'), { projectId: 'p-1', completedOn: '2026-03-18' }],
  ['IssueInvoice', at('2026-03-18'), { invoiceId: 'i-3', clientId: 'c-2', projectId: 'p-1', number: 'INV-003', amountCents: 1_200_000, issuedOn: '2026-03-18', dueOn: '2026-04-01', kind: 'ONE_OFF' }],
  ['RecordPayment', at('2026-03-20'), { invoiceId: 'i-2', paymentId: 'pay-2', amountCents: 500_000, paidOn: '2026-03-20' }],
  ['OffboardClient', at('2026-03-20'), { clientId: 'c-3', reason: 'Budget cuts' }],
  ['RecordManualAdmin', at('2026-03-20'), { entryId: 'admin-2', minutes: 10, description: 'Chased a timesheet', performedOn: '2026-03-20' }],
  ['StartProject', at('2026-03-23'), { projectId: 'p-4', clientId: 'c-4', tier: 'STARTER', name: 'Onboarding', budgetHours: 10, budgetAmountCents: 150_000, startedOn: '2026-03-23', dueOn: '2026-04-30' }],
  ['CompleteProject', at('2026-03-25'), { projectId: 'p-2', completedOn: '2026-03-25' }],
  ['RecordPayment', at('2026-03-25'), { invoiceId: 'i-4', paymentId: 'pay-4', amountCents: 100_000, paidOn: '2026-03-25' }],
  ['IssueInvoice', at('2026-03-25'), { invoiceId: 'i-5', clientId: 'c-1', projectId: 'p-2', number: 'INV-005', amountCents: 250_000, issuedOn: '2026-03-25', dueOn: '2026-04-08', kind: 'ONE_OFF' }],
  ['VoidInvoice', at('2026-03-26'), { invoiceId: 'i-5', reason: 'Issued twice' }],
  ['RecordNpsResponse', at('2026-03-26'), { responseId: 'nps-1', clientId: 'c-1', score: 10 }],
  ['RecordNpsResponse', at('2026-03-26'), { responseId: 'nps-2', clientId: 'c-2', score: 9 }],
  ['RecordNpsResponse', at('2026-03-27'), { responseId: 'nps-3', clientId: 'c-4', score: 7 }],
  ['RecordNpsResponse', at('2026-03-27'), { responseId: 'nps-4', clientId: 'c-2', score: 3 }],
  ['RecordSyncSuccess', at('2026-03-30'), { source: 'xero', runId: 'run-1', records: 42, durationMs: 1_200, intervalSeconds: 900 }],
  ['RecordSyncFailure', at('2026-03-31'), { source: 'xero', runId: 'run-2', error: 'HTTP 503', durationMs: 300, intervalSeconds: 900 }],
  ['RecordSyncSuccess', at('2026-03-31', '01:00'), { source: 'plane', runId: 'run-3', records: 7, durationMs: 800, intervalSeconds: 900 }],
];

/** Sends the history as an editor would, then waits until every read model has applied it. */
export async function seedHistory(api: ApiClient, rows: readonly HistoryRow[] = history): Promise<void> {
  for (const [index, [type, occurredAt, input]] of rows.entries()) {
    const wait = index === rows.length - 1 ? ', waitForProjections: true' : '';
    const response = await api.execute(mutationFor(type, 'status projectionsCaughtUp', `occurredAt: "${occurredAt}"${wait}`), { input });
    expect(response.errors, `${type} ${JSON.stringify(input)}`).toBeUndefined();
    if (wait) expect(response.data?.[mutationOf(type)]?.projectionsCaughtUp).toBe(true);
  }
}

/** A dashboard operation as a VIEWER sends it; fails the test on any error. */
export async function asViewer<R, V>(api: ApiClient, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await api.execute<R>(print(document), variables as Record<string, unknown>, 'VIEWER');
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** `[{ key, value }]` rows as an object, so a breakdown reads like the table in kpis.md. */
export const byKey = <V>(rows: ReadonlyArray<{ key: string; value?: V }>): Record<string, V | undefined> => Object.fromEntries(rows.map((row) => [row.key, row.value]));
