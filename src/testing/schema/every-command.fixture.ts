import type { CommandType } from '../../schema/commands/execute-command';

export interface CommandRow {
  readonly type: CommandType;
  readonly input: Record<string, unknown>;
  /** An event the command must record. */
  readonly records: string;
}

const money = { currency: 'AUD' };

/**
 * One row per business command, in an order where each command's preconditions hold: a small but
 * complete business history, from registering a consultant to ending a campaign.
 */
export const everyCommand: readonly CommandRow[] = [
  { type: 'RegisterConsultant', records: 'ConsultantRegistered', input: { consultantId: 'k-1', name: 'Kim', email: 'kim@zixly.test', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000, ...money } },
  { type: 'ChangeConsultantCapacity', records: 'ConsultantCapacityChanged', input: { consultantId: 'k-1', weeklyCapacityHours: 30.5 } },
  { type: 'ChangeConsultantRates', records: 'ConsultantRatesChanged', input: { consultantId: 'k-1', costRateCents: 6_500, billRateCents: 16_000, ...money } },
  { type: 'RecordTimeOff', records: 'TimeOffRecorded', input: { consultantId: 'k-1', timeOffId: 'leave-1', date: '2026-03-06', hours: 7.5 } },
  { type: 'RegisterConsultant', records: 'ConsultantRegistered', input: { consultantId: 'k-2', name: 'Lee', email: 'lee@zixly.test', weeklyCapacityHours: 20, costRateCents: 5_000, billRateCents: 12_000, ...money } },
  { type: 'DeactivateConsultant', records: 'ConsultantDeactivated', input: { consultantId: 'k-2' } },
  { type: 'LaunchCampaign', records: 'CampaignLaunched', input: { campaignId: 'cmp-1', name: 'Spring webinar', channel: 'EVENT' } },
  { type: 'RecordCampaignCost', records: 'CampaignCostRecorded', input: { campaignId: 'cmp-1', costId: 'bill-1', amountCents: 120_000, incurredOn: '2026-03-02', ...money } },
  { type: 'CaptureLead', records: 'LeadCaptured', input: { leadId: 'l-1', name: 'Acme', email: 'ops@acme.test', company: 'Acme', source: 'EMAIL_CAMPAIGN', campaignId: 'cmp-1' } },
  { type: 'MoveLeadStage', records: 'LeadStageChanged', input: { leadId: 'l-1', to: 'QUALIFIED' } },
  { type: 'EstimateLeadValue', records: 'LeadValueEstimated', input: { leadId: 'l-1', valueCents: 900_000, ...money } },
  { type: 'RecordEmailEngagement', records: 'LeadEmailEngaged', input: { leadId: 'l-1', engagementId: 'open-1', kind: 'OPENED', emailId: 'mail-1', campaignId: 'cmp-1' } },
  { type: 'RecordFormSubmission', records: 'LeadFormSubmitted', input: { leadId: 'l-1', submissionId: 'sub-1', formId: 'contact', campaignId: 'cmp-1' } },
  { type: 'WinLead', records: 'LeadWon', input: { leadId: 'l-1', valueCents: 1_000_000, clientId: 'c-1', ...money } },
  { type: 'CaptureLead', records: 'LeadCaptured', input: { leadId: 'l-2', name: 'Globex', source: 'REFERRAL' } },
  { type: 'LoseLead', records: 'LeadLost', input: { leadId: 'l-2', reason: 'Budget went elsewhere' } },
  { type: 'ReopenLead', records: 'LeadReopened', input: { leadId: 'l-2', toStage: 'PROSPECT' } },
  { type: 'OnboardClient', records: 'ClientOnboarded', input: { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Logistics', sourceLeadId: 'l-1', sourceCampaignId: 'cmp-1', contactEmail: 'ops@acme.test', ...money } },
  { type: 'ChangeClientTier', records: 'ClientTierChanged', input: { clientId: 'c-1', tier: 'PROFESSIONAL' } },
  { type: 'StartRetainer', records: 'RetainerStarted', input: { clientId: 'c-1', retainerId: 'ret-1', amountCents: 300_000, billingPeriod: 'MONTHLY', ...money } },
  { type: 'ChangeRetainerAmount', records: 'RetainerAmountChanged', input: { clientId: 'c-1', retainerId: 'ret-1', amountCents: 350_000, ...money } },
  { type: 'CancelRetainer', records: 'RetainerCancelled', input: { clientId: 'c-1', retainerId: 'ret-1', reason: 'Moved to project work' } },
  { type: 'StartProject', records: 'ProjectStarted', input: { projectId: 'p-1', clientId: 'c-1', tier: 'PROFESSIONAL', name: 'Ops automation', budgetHours: 120, budgetAmountCents: 1_800_000, startedOn: '2026-03-02', dueOn: '2026-04-30', ...money } },
  { type: 'LogHours', records: 'HoursLogged', input: { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-03', hours: 6.25, billable: true, description: 'Discovery' } },
  { type: 'CorrectTimeEntry', records: 'TimeEntryCorrected', input: { projectId: 'p-1', entryId: 'e-1', workDate: '2026-03-03', hours: 6.5, billable: true } },
  { type: 'LogHours', records: 'HoursLogged', input: { projectId: 'p-1', entryId: 'e-2', consultantId: 'k-1', workDate: '2026-03-04', hours: 1, billable: false, billRateCents: 0 } },
  { type: 'DeleteTimeEntry', records: 'TimeEntryDeleted', input: { projectId: 'p-1', entryId: 'e-2' } },
  { type: 'CompleteProject', records: 'ProjectCompleted', input: { projectId: 'p-1', completedOn: '2026-04-28' } },
  { type: 'StartProject', records: 'ProjectStarted', input: { projectId: 'p-2', clientId: 'c-1', tier: 'PROFESSIONAL', name: 'Reporting', budgetHours: 0, budgetAmountCents: 0, startedOn: '2026-05-01', dueOn: '2026-05-31', ...money } },
  { type: 'CancelProject', records: 'ProjectCancelled', input: { projectId: 'p-2', reason: 'Descoped' } },
  { type: 'IssueInvoice', records: 'InvoiceIssued', input: { invoiceId: 'i-1', clientId: 'c-1', projectId: 'p-1', number: 'INV-001', amountCents: 975_000, issuedOn: '2026-04-30', dueOn: '2026-05-14', kind: 'ONE_OFF', ...money } },
  { type: 'RecordPayment', records: 'InvoicePaid', input: { invoiceId: 'i-1', paymentId: 'pay-1', amountCents: 975_000, paidOn: '2026-05-10', ...money } },
  { type: 'IssueInvoice', records: 'InvoiceIssued', input: { invoiceId: 'i-2', clientId: 'c-1', number: 'INV-002', amountCents: 350_000, issuedOn: '2026-05-01', dueOn: '2026-05-15', kind: 'RECURRING', ...money } },
  { type: 'VoidInvoice', records: 'InvoiceVoided', input: { invoiceId: 'i-2', reason: 'Retainer cancelled' } },
  { type: 'IssueInvoice', records: 'InvoiceIssued', input: { invoiceId: 'i-3', clientId: 'c-1', number: 'INV-003', amountCents: 200_000, issuedOn: '2026-05-02', dueOn: '2026-05-16', kind: 'ONE_OFF', ...money } },
  { type: 'ApplyCredit', records: 'InvoiceCredited', input: { invoiceId: 'i-3', creditId: 'cn-1', amountCents: 50_000, creditedOn: '2026-05-03', ...money } },
  { type: 'RecordPayment', records: 'PaymentReceived', input: { invoiceId: 'i-3', paymentId: 'pay-3', amountCents: 100_000, paidOn: '2026-05-04', ...money } },
  { type: 'RefundPayment', records: 'PaymentRefunded', input: { invoiceId: 'i-3', paymentId: 'pay-3', refundedCents: 25_000, refundedOn: '2026-05-05' } },
  { type: 'DeletePayment', records: 'PaymentDeleted', input: { invoiceId: 'i-3', paymentId: 'pay-3' } },
  { type: 'DeleteInvoice', records: 'InvoiceDeleted', input: { invoiceId: 'i-3', reason: 'Deleted in Invoice Ninja' } },
  { type: 'RestoreInvoice', records: 'InvoiceRestored', input: { invoiceId: 'i-3' } },
  { type: 'RecordExpense', records: 'ExpenseRecorded', input: { expenseId: 'x-1', category: 'OAUTH_SERVICES', amountCents: 4_900, incurredOn: '2026-03-01', projectId: 'p-1', description: 'Zapier', ...money } },
  { type: 'MarkExpensePaid', records: 'ExpensePaid', input: { expenseId: 'x-1', paidOn: '2026-03-15' } },
  { type: 'OpenTicket', records: 'TicketOpened', input: { ticketId: 't-1', clientId: 'c-1', channel: 'EMAIL', priority: 'HIGH', subject: 'Sync stopped' } },
  { type: 'RecordFirstResponse', records: 'FirstResponseRecorded', input: { ticketId: 't-1', responderId: 'k-1' } },
  { type: 'ResolveTicket', records: 'TicketResolved', input: { ticketId: 't-1' } },
  { type: 'ReopenTicket', records: 'TicketReopened', input: { ticketId: 't-1' } },
  { type: 'RateTicket', records: 'CsatRated', input: { ticketId: 't-1', ratingId: 'csat-1', score: 5, comment: 'Quick fix' } },
  { type: 'RecordNpsResponse', records: 'NpsResponded', input: { responseId: 'nps-1', clientId: 'c-1', score: 9 } },
  { type: 'RecordSyncSuccess', records: 'SyncRunSucceeded', input: { source: 'xero', runId: 'run-1', records: 42, durationMs: 1_200, intervalSeconds: 900, cursor: 'abc' } },
  { type: 'RecordSyncFailure', records: 'SyncRunFailed', input: { source: 'xero', runId: 'run-2', error: 'HTTP 503', durationMs: 300, intervalSeconds: 900 } },
  { type: 'StartWorkflowRun', records: 'WorkflowRunStarted', input: { runId: 'w-1', workflow: 'invoice-reminder', trigger: { eventId: 'evt-1' }, manualMinutes: 10 } },
  { type: 'CompleteWorkflowRun', records: 'WorkflowRunSucceeded', input: { runId: 'w-1' } },
  { type: 'StartWorkflowRun', records: 'WorkflowRunStarted', input: { runId: 'w-2', workflow: 'weekly-report', trigger: { schedule: 'mondays' }, manualMinutes: 45 } },
  { type: 'FailWorkflowRun', records: 'WorkflowRunFailed', input: { runId: 'w-2', error: 'Timeout', retryable: true } },
  { type: 'RetryWorkflowRun', records: 'WorkflowRunRetried', input: { runId: 'w-2' } },
  { type: 'StartWorkflowRun', records: 'WorkflowRunStarted', input: { runId: 'w-3', workflow: 'invoice-reminder', trigger: { eventId: 'evt-2' }, manualMinutes: 10 } },
  { type: 'SkipWorkflowRun', records: 'WorkflowRunSkipped', input: { runId: 'w-3', reason: 'Already paid' } },
  { type: 'RecordManualAdmin', records: 'ManualAdminRecorded', input: { entryId: 'admin-1', minutes: 30, description: 'Reconciled payments by hand', performedOn: '2026-03-05' } },
  { type: 'OffboardClient', records: 'ClientOffboarded', input: { clientId: 'c-1', reason: 'Contract ended' } },
  { type: 'ReactivateClient', records: 'ClientReactivated', input: { clientId: 'c-1' } },
  { type: 'EndCampaign', records: 'CampaignEnded', input: { campaignId: 'cmp-1' } },
];

export const mutationOf = (type: string): string => type.charAt(0).toLowerCase() + type.slice(1);

/** The mutation document for a command row; `extra` adds arguments such as `idempotencyKey: "k"`. */
export function mutationFor(type: string, selection = 'status replayed stream revision position events { id type revision position }', extra = ''): string {
  return `mutation ($input: ${type}Input!) { ${mutationOf(type)}(input: $input${extra ? `, ${extra}` : ''}) { ${selection} } }`;
}
