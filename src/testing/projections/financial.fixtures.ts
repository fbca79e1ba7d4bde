import type { BillingPeriod, ClientTier } from '../../aggregates/client/client.events';
import type { ExpenseCategory } from '../../aggregates/expense/expense.events';
import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import { fact, type ScenarioFact } from '../projection-scenario';

/** Fact builders for financial scenarios; amounts in cents, AUD. */
const client = (clientId: string) => `Client-${clientId}`;
const invoice = (invoiceId: string) => `Invoice-${invoiceId}`;
const expense = (expenseId: string) => `Expense-${expenseId}`;
const project = (projectId: string) => `Project-${projectId}`;

export const onboarded = (clientId: string, at: string, tier: ClientTier = 'STARTER', sourceCampaignId: string | null = null, sourceLeadId: string | null = null): ScenarioFact =>
  fact(client(clientId), at, {
    type: 'ClientOnboarded',
    data: { clientId, name: `Client ${clientId}`, tier, industry: 'retail', sourceLeadId, sourceCampaignId, contactEmail: null, currency: 'AUD' },
  });

export const tierChanged = (clientId: string, at: string, from: ClientTier, to: ClientTier): ScenarioFact =>
  fact(client(clientId), at, { type: 'ClientTierChanged', data: { clientId, from, to } });

export const retainerStarted = (clientId: string, retainerId: string, at: string, monthlyAmountCents: number, billingPeriod: BillingPeriod = 'MONTHLY'): ScenarioFact =>
  fact(client(clientId), at, {
    type: 'RetainerStarted',
    data: { clientId, retainerId, amountCents: billingPeriod === 'ANNUAL' ? monthlyAmountCents * 12 : monthlyAmountCents, currency: 'AUD', billingPeriod, monthlyAmountCents },
  });

export const retainerChanged = (clientId: string, retainerId: string, at: string, fromMonthlyAmountCents: number, toMonthlyAmountCents: number): ScenarioFact =>
  fact(client(clientId), at, {
    type: 'RetainerAmountChanged',
    data: { clientId, retainerId, amountCents: toMonthlyAmountCents, currency: 'AUD', billingPeriod: 'MONTHLY', fromMonthlyAmountCents, toMonthlyAmountCents },
  });

export const retainerCancelled = (clientId: string, retainerId: string, at: string, monthlyAmountCents: number): ScenarioFact =>
  fact(client(clientId), at, { type: 'RetainerCancelled', data: { clientId, retainerId, reason: 'ended', monthlyAmountCents, currency: 'AUD' } });

export const offboarded = (clientId: string, at: string): ScenarioFact => fact(client(clientId), at, { type: 'ClientOffboarded', data: { clientId, reason: 'churned' } });

export const reactivated = (clientId: string, at: string): ScenarioFact => fact(client(clientId), at, { type: 'ClientReactivated', data: { clientId } });

export interface IssueOptions {
  readonly dueOn?: string;
  readonly projectId?: string | null;
  readonly kind?: InvoiceKind;
  readonly at?: string;
  readonly currency?: string;
  /** Units of `currency` per unit of the base currency, as the tool gave it. */
  readonly exchangeRate?: number;
}

export const issued = (invoiceId: string, clientId: string, issuedOn: string, amountCents: number, options: IssueOptions = {}): ScenarioFact =>
  fact(invoice(invoiceId), options.at ?? `${issuedOn}T00:00:00.000+10:00`, {
    type: 'InvoiceIssued',
    data: {
      invoiceId,
      clientId,
      projectId: options.projectId ?? null,
      number: `INV-${invoiceId}`,
      amountCents,
      currency: options.currency ?? 'AUD',
      issuedOn,
      dueOn: options.dueOn ?? issuedOn,
      kind: options.kind ?? 'ONE_OFF',
      ...(options.exchangeRate ? { exchangeRate: options.exchangeRate } : {}),
    },
  });

/** A payment, and `InvoicePaid` with it when `balanceCents` reaches 0 — as the decider emits them. */
export const paid = (invoiceId: string, paymentId: string, paidOn: string, amountCents: number, balanceCents: number, money: { currency?: string; exchangeRate?: number } = {}): ScenarioFact[] => {
  const at = `${paidOn}T09:00:00.000+10:00`;
  const rate = money.exchangeRate ? { exchangeRate: money.exchangeRate } : {};
  const received = fact(invoice(invoiceId), at, { type: 'PaymentReceived', data: { invoiceId, paymentId, amountCents, currency: money.currency ?? 'AUD', paidOn, balanceCents, ...rate } });
  return balanceCents > 0 ? [received] : [received, fact(invoice(invoiceId), at, { type: 'InvoicePaid', data: { invoiceId, paidOn } })];
};

export const voided = (invoiceId: string, at: string): ScenarioFact => fact(invoice(invoiceId), at, { type: 'InvoiceVoided', data: { invoiceId, reason: 'wrong amount' } });

/** The invoice deleted in the tool at `at` (as the decider records it). */
export const invoiceDeleted = (invoiceId: string, at: string): ScenarioFact => fact(invoice(invoiceId), at, { type: 'InvoiceDeleted', data: { invoiceId, reason: 'deleted in Invoice Ninja' } });

export const invoiceRestored = (invoiceId: string, at: string): ScenarioFact => fact(invoice(invoiceId), at, { type: 'InvoiceRestored', data: { invoiceId } });

/** `amountCents` is what the payment still paid on the invoice; `balanceCents` the balance after. */
export const paymentDeleted = (invoiceId: string, paymentId: string, at: string, amountCents: number, balanceCents: number): ScenarioFact =>
  fact(invoice(invoiceId), at, { type: 'PaymentDeleted', data: { invoiceId, paymentId, amountCents, balanceCents } });

export const refunded = (invoiceId: string, paymentId: string, refundedOn: string, amountCents: number, balanceCents: number): ScenarioFact =>
  fact(invoice(invoiceId), `${refundedOn}T09:00:00.000+10:00`, {
    type: 'PaymentRefunded',
    data: { invoiceId, paymentId, refundId: `${paymentId}:refund:${amountCents}`, amountCents, refundedOn, balanceCents },
  });

/** A credit, and `InvoicePaid` with it when `balanceCents` reaches 0 — as the decider emits them. */
export const credited = (invoiceId: string, creditId: string, creditedOn: string, amountCents: number, balanceCents: number): ScenarioFact[] => {
  const at = `${creditedOn}T09:00:00.000+10:00`;
  const credit = fact(invoice(invoiceId), at, { type: 'InvoiceCredited', data: { invoiceId, creditId, amountCents, creditedOn, balanceCents } });
  return balanceCents > 0 ? [credit] : [credit, fact(invoice(invoiceId), at, { type: 'InvoicePaid', data: { invoiceId, paidOn: creditedOn } })];
};

export interface ExpenseOptions {
  readonly paidOn?: string | null;
  readonly clientId?: string | null;
  readonly projectId?: string | null;
  readonly campaignId?: string | null;
}

/** An expense, and its `ExpensePaid` when recorded as paid — as the decider emits them. */
export const expenseRecorded = (expenseId: string, category: ExpenseCategory, incurredOn: string, amountCents: number, options: ExpenseOptions = {}): ScenarioFact[] => {
  const at = `${incurredOn}T12:00:00.000+10:00`;
  const paidOn = options.paidOn ?? null;
  const links = { clientId: options.clientId ?? null, projectId: options.projectId ?? null, campaignId: options.campaignId ?? null };
  const recorded = fact(expense(expenseId), at, {
    type: 'ExpenseRecorded',
    data: { expenseId, category, amountCents, currency: 'AUD', incurredOn, paidOn, ...links, description: '' },
  });
  return paidOn === null ? [recorded] : [recorded, expensePaid(expenseId, category, paidOn, amountCents)];
};

export const expensePaid = (expenseId: string, category: ExpenseCategory, paidOn: string, amountCents: number): ScenarioFact =>
  fact(expense(expenseId), `${paidOn}T12:00:00.000+10:00`, { type: 'ExpensePaid', data: { expenseId, paidOn, amountCents, currency: 'AUD', category } });

export interface HoursOptions {
  readonly clientId?: string;
  readonly billable?: boolean;
  readonly costRateCents?: number;
  readonly billRateCents?: number;
}

export const hoursLogged = (entryId: string, projectId: string, consultantId: string, workDate: string, hours: number, options: HoursOptions = {}): ScenarioFact =>
  fact(project(projectId), `${workDate}T17:00:00.000+10:00`, {
    type: 'HoursLogged',
    data: {
      entryId,
      projectId,
      clientId: options.clientId ?? 'c1',
      consultantId,
      workDate,
      hours,
      billable: options.billable ?? true,
      billRateCents: options.billRateCents ?? 20_000,
      costRateCents: options.costRateCents ?? 10_000,
      currency: 'AUD',
      description: '',
    },
  });

export const projectStarted = (projectId: string, clientId: string, tier: ClientTier, startedOn: string): ScenarioFact =>
  fact(project(projectId), `${startedOn}T08:00:00.000+10:00`, {
    type: 'ProjectStarted',
    data: { projectId, clientId, tier, name: `Project ${projectId}`, budgetHours: 100, budgetAmountCents: 2_000_000, currency: 'AUD', startedOn, dueOn: '2026-12-31' },
  });

const entryDefaults = { clientId: 'c1', billable: true, billRateCents: 20_000, costRateCents: 10_000, currency: 'AUD' };

/** A correction of an entry logged with `hoursLogged` defaults; `previous` carries what it replaced. */
export const hoursCorrected = (entryId: string, projectId: string, consultantId: string, at: string, workDate: string, hours: number, previous: { workDate: string; hours: number }): ScenarioFact =>
  fact(project(projectId), at, {
    type: 'TimeEntryCorrected',
    data: { ...entryDefaults, entryId, projectId, consultantId, workDate, hours, description: '', previous: { ...previous, billable: true } },
  });

export const hoursDeleted = (entryId: string, projectId: string, consultantId: string, at: string, workDate: string, hours: number): ScenarioFact =>
  fact(project(projectId), at, {
    type: 'TimeEntryDeleted',
    data: { ...entryDefaults, entryId, projectId, consultantId, workDate, hours },
  });
