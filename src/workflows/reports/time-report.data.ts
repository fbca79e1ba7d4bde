import type { ClientTier } from '../../aggregates/client/client.events';
import { budgetBurn, hoursBy, sumHours, timeEntriesInPeriod, type ConsultantDocument, type ProjectBudgetBurn, type ProjectDocument, type TimeEntryDocument } from '../../projections/delivery';
import { clientsActiveAt, projectMargin, type ProjectMargin } from '../../projections/financial';
import { periodOf, type KpiContext } from '../../projections/shared/kpi';

export interface NamedHours {
  readonly id: string;
  readonly name: string;
  readonly hours: number;
}

export interface ClientTimeReport {
  readonly clientId: string;
  readonly name: string;
  readonly tier: ClientTier;
  readonly from: string;
  readonly to: string;
  readonly totalHours: number;
  readonly billableHours: number;
  readonly byProject: readonly NamedHours[];
  readonly byConsultant: readonly NamedHours[];
  readonly budgets: readonly ProjectBudgetBurn[];
  readonly margins: ReadonlyArray<ProjectMargin & { readonly name: string }>;
}

interface Week {
  readonly from: string;
  readonly to: string;
}

/** One report per client active when the report runs: hours of the week, budget burn so far, margin of the week. */
export async function timeReports(kpi: KpiContext, week: Week, at: string): Promise<ClientTimeReport[]> {
  const clients = await clientsActiveAt(kpi, at);
  if (clients.length === 0) return [];
  const [entries, burn, margins, projects] = await Promise.all([
    timeEntriesInPeriod(kpi, periodOf(kpi, week)),
    budgetBurn(kpi, week),
    projectMargin(kpi, week),
    kpi.reads.find<ProjectDocument>('projects', { filter: { clientId: { $in: clients.map((client) => client.clientId) } }, limit: 1_000 }),
  ]);
  const consultants = await kpi.reads.getMany<ConsultantDocument>('consultants', [...new Set(entries.map((entry) => entry.consultantId))]);
  const projectNames = new Map(projects.documents.map((project) => [project.projectId, project.name]));
  const consultantName = (id: string) => consultants.get(id)?.document.name ?? id;
  return clients.map((client) => {
    const own = entries.filter((entry) => entry.clientId === client.clientId);
    const ownProjects = new Set(projects.documents.filter((project) => project.clientId === client.clientId).map((project) => project.projectId));
    return {
      clientId: client.clientId,
      name: client.name,
      tier: client.tier,
      ...week,
      totalHours: sumHours(own),
      billableHours: sumHours(own.filter((entry) => entry.billable)),
      byProject: named(hoursBy(own, (entry: TimeEntryDocument) => entry.projectId), (id) => projectNames.get(id) ?? id),
      byConsultant: named(hoursBy(own, (entry: TimeEntryDocument) => entry.consultantId), consultantName),
      budgets: Object.values(burn.value).filter((project) => ownProjects.has(project.projectId)),
      margins: Object.values(margins.value.byProject)
        .filter((margin) => margin.clientId === client.clientId)
        .map((margin) => ({ ...margin, name: projectNames.get(margin.projectId) ?? margin.projectId })),
    };
  });
}

function named(hours: Record<string, number>, nameOf: (id: string) => string): NamedHours[] {
  return Object.entries(hours)
    .map(([id, total]) => ({ id, name: nameOf(id), hours: total }))
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
}
