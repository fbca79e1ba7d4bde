import type { Period, ResolvedPeriod } from '../../core/business-time';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { clientsCollection } from './clients.projection';
import { consultantTimeCategory, costsIn, type CostLine } from './cost-lines';
import { datedByTier } from './cost-tiers';
import { expensesCollection } from './expenses.projection';
import { addTo, clientsByIds, expensesPaidIn, monthOf } from './financial.reads';
import { distinctById } from '../shared/documents';
import { invoicesCollection, type InvoiceDocument } from './invoices.projection';
import { invoiceSumsCollection } from './invoice.sums';
import { summedAmounts } from './invoice-sums.reads';
import { breakdownOf, type DatedAmount, invoicedIn, issuedAmount, paymentsReceivedIn, tierKeyOf } from './revenue.queries';


export interface Costs {
  readonly totalCents: number;
  readonly expensesCents: number;
  readonly consultantCostCents: number;
  /** Expense categories and `consultant_time`. */
  readonly byCategory: Record<string, number>;
  readonly byMonth: Record<string, number>;
}

function costsOf(lines: readonly CostLine[]): Costs {
  const byCategory: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  let totalCents = 0;
  let consultantCostCents = 0;
  for (const line of lines) {
    totalCents += line.amountCents;
    if (line.category === consultantTimeCategory) consultantCostCents += line.amountCents;
    addTo(byCategory, line.category, line.amountCents);
    addTo(byMonth, monthOf(line.date), line.amountCents);
  }
  return { totalCents, expensesCents: totalCents - consultantCostCents, consultantCostCents, byCategory, byMonth };
}

/**
 * costs: expenses incurred in the period (by `incurredOn`, paid or not) plus consultant cost, the
 * hours worked in it (by work date, billable or not) × the cost rate each entry was logged with.
 */
export async function costs(context: KpiContext, period: Period): Promise<KpiResult<Costs>> {
  const { lines, documents, readModels } = await costsIn(context, periodOf(context, period));
  return kpiResult(context, readModels, documents, costsOf(lines));
}

export interface Margin {
  readonly revenueCents: number;
  readonly costsCents: number;
  readonly profitCents: number;
  /** (revenue − costs) ÷ revenue; null without revenue. */
  readonly margin: number | null;
}

export interface ProfitMargin extends Margin {
  readonly byTier: Record<string, Margin>;
  /** Costs tied to no client (overheads): in the total, in no tier. */
  readonly unattributedCostsCents: number;
}

export const marginOf = (revenueCents: number, costsCents: number): Margin => ({
  revenueCents,
  costsCents,
  profitCents: revenueCents - costsCents,
  margin: ratio(revenueCents - costsCents, revenueCents),
});

/**
 * profitMargin: (accrual revenue − all costs) ÷ accrual revenue. By tier, revenue and the costs
 * attributable to the tier's clients (expenses of the client or of its projects, time on its
 * projects), each by the tier the client had on the fact's date; overheads stay out of tiers.
 */
export async function profitMargin(context: KpiContext, period: Period): Promise<KpiResult<ProfitMargin>> {
  const resolved = periodOf(context, period);
  const [accrual, costs] = await Promise.all([accrualIn(context, resolved), costsIn(context, resolved)]);
  const clientIds = [...accrual.amounts.map((amount) => amount.clientId), ...costs.lines.flatMap((line) => (line.clientId === null ? [] : [line.clientId]))];
  const clients = await clientsByIds(context, clientIds);
  const { lines, documents } = await datedByTier(context, costs, clients);
  const revenueByTier = breakdownOf(accrual.amounts, clients, context.timeZone).byTier;
  const costsByTier: Record<string, number> = {};
  let unattributedCostsCents = 0;
  for (const line of lines) {
    if (line.clientId === null) unattributedCostsCents += line.amountCents;
    else addTo(costsByTier, tierKeyOf(clients, line.clientId, line.date, context.timeZone), line.amountCents);
  }
  const tiers = new Set([...Object.keys(revenueByTier), ...Object.keys(costsByTier)]);
  const byTier = Object.fromEntries([...tiers].map((tier) => [tier, marginOf(revenueByTier[tier] ?? 0, costsByTier[tier] ?? 0)]));
  const revenueCents = accrual.amounts.reduce((total, amount) => total + (amount.amountCents ?? 0), 0);
  const totalCosts = lines.reduce((total, line) => total + line.amountCents, 0);
  const used = [...accrual.documents, ...documents, ...clients.values()];
  const result = await kpiResult(context, [accrual.readModel, clientsCollection, ...costs.readModels], used, { ...marginOf(revenueCents, totalCosts), byTier, unattributedCostsCents });
  return { ...result, eventCount: result.eventCount + accrual.events };
}

/** Accrual amounts of the period: from the invoice sums, or (scan path) one per invoice. */
async function accrualIn(context: KpiContext, period: ResolvedPeriod): Promise<{ amounts: DatedAmount[]; documents: InvoiceDocument[]; events: number; readModel: string }> {
  if (context.path !== 'scan') {
    const summed = await summedAmounts(context, 'accrual', period);
    return { amounts: summed.amounts, documents: [], events: summed.events, readModel: invoiceSumsCollection };
  }
  const invoices = await invoicedIn(context, period);
  return { amounts: invoices.map((invoice) => issuedAmount(context, invoice)), documents: invoices, events: 0, readModel: invoicesCollection };
}

export interface CashFlowAmounts {
  readonly inflowCents: number;
  readonly outflowCents: number;
  readonly netCents: number;
}

export interface CashFlow extends CashFlowAmounts {
  readonly byMonth: Record<string, CashFlowAmounts>;
}

/** cashFlow: payments received (by payment date) − expenses paid (by `paidOn`) in the period. */
export async function cashFlow(context: KpiContext, period: Period): Promise<KpiResult<CashFlow>> {
  const resolved = periodOf(context, period);
  const [received, expenses] = await Promise.all([cashIn(context, resolved), expensesPaidIn(context, resolved)]);
  const inflows: Record<string, number> = {};
  const outflows: Record<string, number> = {};
  for (const payment of received.payments) addTo(inflows, monthOf(payment.date), payment.amountCents ?? 0);
  for (const expense of expenses) addTo(outflows, monthOf(expense.paidOn!), expense.amountCents);
  const amounts = (inflowCents: number, outflowCents: number) => ({ inflowCents, outflowCents, netCents: inflowCents - outflowCents });
  const months = [...new Set([...Object.keys(inflows), ...Object.keys(outflows)])].sort();
  const byMonth = Object.fromEntries(months.map((month) => [month, amounts(inflows[month] ?? 0, outflows[month] ?? 0)]));
  const total = (values: Record<string, number>) => Object.values(values).reduce((sum, value) => sum + value, 0);
  const used = [...distinctById(received.invoices), ...expenses];
  const result = await kpiResult(context, [received.readModel, expensesCollection], used, { ...amounts(total(inflows), total(outflows)), byMonth });
  return { ...result, eventCount: result.eventCount + received.events };
}

/** Payments of the period (only their month and base cents matter here): from the cash sums, or each payment. */
async function cashIn(context: KpiContext, period: ResolvedPeriod): Promise<{ payments: DatedAmount[]; invoices: InvoiceDocument[]; events: number; readModel: string }> {
  if (context.path !== 'scan') {
    const summed = await summedAmounts(context, 'cash', period);
    return { payments: summed.amounts, invoices: [], events: summed.events, readModel: invoiceSumsCollection };
  }
  return { ...(await paymentsReceivedIn(context, period)), events: 0, readModel: invoicesCollection };
}
