import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { ProjectDocument } from '../delivery';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { type CostLine, consultantTimeCategory, costsIn } from './cost-lines';
import { type Margin, marginOf } from './costs.queries';
import { type TierKey } from './financial.reads';
import { documentsByIds } from '../shared/documents';
import { invoicesCollection } from './invoices.projection';
import { invoicedIn } from './revenue.queries';
import { invoiceBaseCents } from './base-amounts';
import { invoiceSumsCollection } from './invoice.sums';
import { type ProjectRevenue, projectRevenueIn } from './invoice-sums.reads';

export interface ProjectMargin extends Margin {
  readonly projectId: string;
  readonly clientId: string | null;
  /** The client's tier when the project started; UNKNOWN if the project is not projected. */
  readonly tier: TierKey;
  readonly laborCostCents: number;
  readonly expenseCents: number;
}

export interface ProjectMargins {
  readonly byProject: Record<string, ProjectMargin>;
  readonly byTier: Record<string, Margin>;
}

type Totals = { revenueCents: number; laborCostCents: number; expenseCents: number; clientId: string | null };

/**
 * projectMargin: per project, (invoiced revenue − cost) ÷ invoiced revenue over the period —
 * invoices of the project issued in it (voided ones excluded), hours worked on it in it × their
 * cost rate, and expenses booked on it incurred in it; null without revenue. Pass the project's
 * whole life as the period for a lifetime margin. By tier: the same sums over the tier's projects.
 */
export async function projectMargin(context: KpiContext, period: Period): Promise<KpiResult<ProjectMargins>> {
  const resolved = periodOf(context, period);
  if (context.path === 'scan') return projectMarginFromInvoices(context, resolved);
  const [revenue, costs] = await Promise.all([projectRevenueIn(context, resolved), costsIn(context, resolved)]);
  const totals = totalsOf(costs.lines, revenue.byProject);
  const projects = await documentsByIds<ProjectDocument>(context.reads, 'projects', totals.keys());
  const result = await kpiResult(context, [invoiceSumsCollection, ...costs.readModels], [...costs.documents, ...projects.values()], marginsOf(totals, projects));
  return { ...result, eventCount: result.eventCount + revenue.invoices };
}

/** The same from every invoice of the period, one by one (the scan path). */
async function projectMarginFromInvoices(context: KpiContext, resolved: ResolvedPeriod): Promise<KpiResult<ProjectMargins>> {
  const [invoices, costs] = await Promise.all([invoicedIn(context, resolved, { projectId: { $ne: null } }), costsIn(context, resolved)]);
  const revenue = new Map<string, ProjectRevenue>();
  for (const invoice of invoices) {
    const found = revenue.get(invoice.projectId!);
    // The project's client, if its document is missing: the lowest client id, as the sums give it.
    const clientId = found && found.clientId < invoice.clientId ? found.clientId : invoice.clientId;
    revenue.set(invoice.projectId!, { clientId, revenueCents: (found?.revenueCents ?? 0) + (invoiceBaseCents(context, invoice) ?? 0) });
  }
  const totals = totalsOf(costs.lines, revenue);
  const projects = await documentsByIds<ProjectDocument>(context.reads, 'projects', totals.keys());
  return kpiResult(context, [invoicesCollection, ...costs.readModels], [...invoices, ...costs.documents, ...projects.values()], marginsOf(totals, projects));
}

/** Revenue, labour and expenses per project: the invoices' first, then the cost lines booked on a project. */
function totalsOf(lines: readonly CostLine[], revenue: ReadonlyMap<string, ProjectRevenue>): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  const projectTotals = (projectId: string, clientId: string | null) => {
    const found = totals.get(projectId) ?? { revenueCents: 0, laborCostCents: 0, expenseCents: 0, clientId };
    totals.set(projectId, found);
    return found;
  };
  for (const [projectId, { clientId, revenueCents }] of revenue) projectTotals(projectId, clientId).revenueCents += revenueCents;
  for (const line of lines) {
    if (line.projectId === null) continue;
    const project = projectTotals(line.projectId, line.clientId);
    if (line.category === consultantTimeCategory) project.laborCostCents += line.amountCents;
    else project.expenseCents += line.amountCents;
  }
  return totals;
}

function marginsOf(totals: ReadonlyMap<string, Totals>, projects: ReadonlyMap<string, ProjectDocument>): ProjectMargins {
  const byProject = Object.fromEntries([...totals].map(([projectId, sums]) => [projectId, marginLine(projectId, sums, projects.get(projectId))]));
  return { byProject, byTier: byTierOf(Object.values(byProject)) };
}

function marginLine(projectId: string, sums: Totals, project: ProjectDocument | undefined): ProjectMargin {
  const { revenueCents, laborCostCents, expenseCents } = sums;
  const clientId = project?.clientId ?? sums.clientId;
  return { projectId, clientId, tier: project?.tier ?? 'UNKNOWN', laborCostCents, expenseCents, ...marginOf(revenueCents, laborCostCents + expenseCents) };
}

function byTierOf(lines: readonly ProjectMargin[]): Record<string, Margin> {
  const sums = new Map<string, { revenueCents: number; costsCents: number }>();
  for (const line of lines) {
    const tier = sums.get(line.tier) ?? { revenueCents: 0, costsCents: 0 };
    sums.set(line.tier, { revenueCents: tier.revenueCents + line.revenueCents, costsCents: tier.costsCents + line.costsCents });
  }
  return Object.fromEntries([...sums].map(([tier, { revenueCents, costsCents }]) => [tier, marginOf(revenueCents, costsCents)]));
}
