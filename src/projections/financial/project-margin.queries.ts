import type { Period } from '../../core/business-time';
import type { ProjectDocument } from '../delivery';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { consultantTimeCategory, costsIn } from './cost-lines';
import { type Margin, marginOf } from './costs.queries';
import { type TierKey } from './financial.reads';
import { documentsByIds } from '../shared/documents';
import { invoicesCollection } from './invoices.projection';
import { invoicedIn } from './revenue.queries';
import { invoiceBaseCents } from './base-amounts';

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
  const [invoices, costs] = await Promise.all([invoicedIn(context, resolved, { projectId: { $ne: null } }), costsIn(context, resolved)]);
  const totals = new Map<string, Totals>();
  const totalsOf = (projectId: string, clientId: string | null) => {
    const found = totals.get(projectId) ?? { revenueCents: 0, laborCostCents: 0, expenseCents: 0, clientId };
    totals.set(projectId, found);
    return found;
  };
  for (const invoice of invoices) totalsOf(invoice.projectId!, invoice.clientId).revenueCents += invoiceBaseCents(context, invoice) ?? 0;
  for (const line of costs.lines) {
    if (line.projectId === null) continue;
    const project = totalsOf(line.projectId, line.clientId);
    if (line.category === consultantTimeCategory) project.laborCostCents += line.amountCents;
    else project.expenseCents += line.amountCents;
  }
  const projects = await documentsByIds<ProjectDocument>(context.reads, 'projects', totals.keys());
  const byProject = Object.fromEntries([...totals].map(([projectId, sums]) => [projectId, marginLine(projectId, sums, projects.get(projectId))]));
  const used = [...invoices, ...costs.documents, ...projects.values()];
  return kpiResult(context, [invoicesCollection, ...costs.readModels], used, { byProject, byTier: byTierOf(Object.values(byProject)) });
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
