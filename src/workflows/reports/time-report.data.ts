import type { ClientTier } from '../../aggregates/client/client.events';
import { budgetBurn, hoursBy, sumHours, timeEntriesInPeriod, type ConsultantDocument, type ProjectBudgetBurn, type ProjectDocument, type TimeEntryDocument } from '../../projections/delivery';
import { clientsActiveAt, projectMargin, type ClientDocument, type ProjectMargin } from '../../projections/financial';
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

interface Sources {
  readonly entries: readonly TimeEntryDocument[];
  readonly burn: Readonly<Record<string, ProjectBudgetBurn>>;
  readonly margins: Readonly<Record<string, ProjectMargin>>;
  readonly projects: readonly ProjectDocument[];
  readonly consultants: ReadonlyMap<string, { document: ConsultantDocument }>;
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
  const sources: Sources = { entries, burn: burn.value, margins: margins.value.byProject, projects: projects.documents, consultants };
  return clients.map((client) => reportOf(client, week, sources));
}

function reportOf(client: ClientDocument, week: Week, sources: Sources): ClientTimeReport {
  const own = sources.entries.filter((entry) => entry.clientId === client.clientId);
  const projectNames = new Map(sources.projects.map((project) => [project.projectId, project.name]));
  const ownProjects = new Set(sources.projects.filter((project) => project.clientId === client.clientId).map((project) => project.projectId));
  const projectName = (id: string) => projectNames.get(id) ?? id;
  return {
    clientId: client.clientId,
    name: client.name,
    tier: client.tier,
    ...week,
    totalHours: sumHours(own),
    billableHours: sumHours(own.filter((entry) => entry.billable)),
    byProject: named(hoursBy(own, (entry) => entry.projectId), projectName),
    byConsultant: named(hoursBy(own, (entry) => entry.consultantId), (id) => sources.consultants.get(id)?.document.name ?? id),
    budgets: Object.values(sources.burn).filter((project) => ownProjects.has(project.projectId)),
    margins: Object.values(sources.margins)
      .filter((margin) => margin.clientId === client.clientId)
      .map((margin) => ({ ...margin, name: projectName(margin.projectId) })),
  };
}

function named(hours: Record<string, number>, nameOf: (id: string) => string): NamedHours[] {
  return Object.entries(hours)
    .map(([id, total]) => ({ id, name: nameOf(id), hours: total }))
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
}
