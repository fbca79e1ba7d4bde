import { daysBetween, type Period } from '../../core/business-time';
import type { ClientTier } from '../../aggregates/client/client.events';
import { mean, ratio } from '../shared/kpi-math';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { perTier, projectsCompletedIn, projectsOpen } from './project-status';
import type { ProjectDocument } from './projects.projection';

export interface ActiveProjects {
  readonly total: number;
  readonly byTier: Record<ClientTier, number>;
}

/**
 * activeProjects: projects started (`startedOn`) before the end of the period and, at its end,
 * neither completed (`completedOn` before the period's last date + 1) nor cancelled (cancellation
 * `occurredAt` before its end instant). By the tier the client had when the project started.
 */
export async function activeProjects(context: KpiContext, period: Period): Promise<KpiResult<ActiveProjects>> {
  const { toDate, toInstant } = periodOf(context, period);
  const projects = await projectsOpen(context.reads, toDate, { date: toDate, instant: toInstant });
  const value = { total: projects.length, byTier: perTier(projects, (ofTier) => ofTier.length) };
  return kpiResult(context, ['projects'], projects, value);
}

/** projectsCompleted: projects whose completion date (`completedOn`) is in the period. */
export async function projectsCompleted(context: KpiContext, period: Period): Promise<KpiResult<number>> {
  const projects = await projectsCompletedIn(context.reads, periodOf(context, period));
  return kpiResult(context, ['projects'], projects, projects.length);
}

export interface AverageDuration {
  /** Null when no project was completed in the period. */
  readonly days: number | null;
  readonly byTier: Record<ClientTier, number | null>;
}

const durationDays = (project: ProjectDocument) => daysBetween(project.startedOn, project.completedOn!);

/**
 * averageProjectDurationDays: mean of (completedOn − startedOn) in calendar days over projects
 * completed in the period; a project completed the day it started lasted 0 days.
 */
export async function averageProjectDurationDays(context: KpiContext, period: Period): Promise<KpiResult<AverageDuration>> {
  const projects = await projectsCompletedIn(context.reads, periodOf(context, period));
  const value = { days: mean(projects.map(durationDays)), byTier: perTier(projects, (ofTier) => mean(ofTier.map(durationDays))) };
  return kpiResult(context, ['projects'], projects, value);
}

export interface OnTimeDelivery {
  /** onTime ÷ completed; null when nothing was completed. */
  readonly rate: number | null;
  readonly onTime: number;
  readonly completed: number;
}

/** Completed on or before its due date. */
export const completedOnTime = (project: ProjectDocument): boolean => project.completedOn! <= project.dueOn;

/** onTimeDeliveryRate: projects completed in the period with `completedOn <= dueOn` ÷ projects completed in the period. */
export async function onTimeDeliveryRate(context: KpiContext, period: Period): Promise<KpiResult<OnTimeDelivery>> {
  const projects = await projectsCompletedIn(context.reads, periodOf(context, period));
  const onTime = projects.filter(completedOnTime).length;
  return kpiResult(context, ['projects'], projects, { rate: ratio(onTime, projects.length), onTime, completed: projects.length });
}
