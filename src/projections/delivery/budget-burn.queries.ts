import type { Period } from '../../core/business-time';
import type { ClientTier } from '../../aggregates/client/client.events';
import { ratio } from '../shared/kpi-math';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { sumHours } from './hours';
import { projectsOpen } from './project-status';
import type { ProjectDocument } from './projects.projection';
import { type HoursFact, timeFactsBefore } from './time-facts';

export interface ProjectBudgetBurn {
  readonly projectId: string;
  readonly name: string;
  readonly tier: ClientTier;
  readonly budgetHours: number;
  readonly loggedHours: number;
  /** loggedHours ÷ budgetHours; null for a 0 (no) budget. */
  readonly hoursBurn: number | null;
  readonly budgetAmountCents: number;
  readonly loggedCostCents: number;
  /** loggedCostCents ÷ budgetAmountCents; null for a 0 (no) budget. */
  readonly costBurn: number | null;
  readonly currency: string;
}

export interface BudgetBurnOptions {
  /** Only this project. */
  readonly projectId?: string;
}

/**
 * budgetBurn, per project open at some moment of the period (started before its end, not completed
 * or cancelled before its start): all hours logged on it — billable or not — with a work date up to
 * the end of the period ÷ budget hours, and their cost (Σ hours × the cost rate each entry was
 * logged with) ÷ budget amount. Burn is cumulative: it is what the budget has consumed so far.
 */
export async function budgetBurn(context: KpiContext, period: Period, options: BudgetBurnOptions = {}): Promise<KpiResult<Record<string, ProjectBudgetBurn>>> {
  const { fromDate, fromInstant, toDate } = periodOf(context, period);
  const open = await projectsOpen(context.reads, toDate, { date: fromDate, instant: fromInstant });
  const projects = options.projectId === undefined ? open : open.filter((project) => project.projectId === options.projectId);
  const { facts, readModel } = await timeFactsBefore(context, toDate, projects.map((project) => project.projectId));
  const byProject = groupByProject(facts);
  const value = Object.fromEntries(projects.map((project) => [project.projectId, burnOf(project, byProject.get(project.projectId) ?? [])]));
  return kpiResult(context, ['projects', readModel], [...projects, ...facts], value);
}

function groupByProject(entries: readonly HoursFact[]): Map<string, HoursFact[]> {
  const groups = new Map<string, HoursFact[]>();
  for (const entry of entries) {
    const group = groups.get(entry.projectId) ?? [];
    group.push(entry);
    groups.set(entry.projectId, group);
  }
  return groups;
}

function burnOf(project: ProjectDocument, facts: readonly HoursFact[]): ProjectBudgetBurn {
  const { projectId, name, tier, budgetHours, budgetAmountCents, currency } = project;
  const loggedHours = sumHours(facts);
  // Σ hours × cost rate rounded once over the total, as for the entries themselves.
  const loggedCostCents = Math.round(facts.reduce((total, fact) => total + fact.costUnits, 0) / 100);
  return {
    projectId,
    name,
    tier,
    budgetHours,
    loggedHours,
    hoursBurn: ratio(loggedHours, budgetHours),
    budgetAmountCents,
    loggedCostCents,
    costBurn: ratio(loggedCostCents, budgetAmountCents),
    currency,
  };
}
