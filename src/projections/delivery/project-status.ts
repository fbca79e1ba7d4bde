import type { ResolvedPeriod } from '../../core/business-time';
import type { ReadStore } from '../../core/read-store.port';
import { type ClientTier, clientTiers } from '../../aggregates/client/client.events';
import type { ProjectDocument } from './projects.projection';
import { datesIn } from '../shared/period-filter';
import { findEvery } from '../shared/documents';

/** A moment as both read models hold it: completions carry a business date, cancellations an instant. */
export interface Moment {
  readonly date: string;
  readonly instant: string;
}

/**
 * Projects started before `startedBefore` (a business date, exclusive) that were neither completed
 * (`completedOn`) nor cancelled (`cancelledAt`) before `openAt`. One indexed query per way a
 * project can still be open, so closed projects of the past are never read.
 */
export async function projectsOpen(reads: ReadStore, startedBefore: string, openAt: Moment): Promise<ProjectDocument[]> {
  const started = { startedOn: { $lt: startedBefore } };
  const groups = await Promise.all([
    findEvery<ProjectDocument>(reads, 'projects', { ...started, status: 'ACTIVE' }),
    findEvery<ProjectDocument>(reads, 'projects', { ...started, completedOn: { $gte: openAt.date } }),
    findEvery<ProjectDocument>(reads, 'projects', { ...started, cancelledAt: { $gte: openAt.instant } }),
  ]);
  return groups.flat();
}

/** Projects whose `completedOn` falls in the period's business dates. */
export function projectsCompletedIn(reads: ReadStore, period: ResolvedPeriod): Promise<ProjectDocument[]> {
  return findEvery<ProjectDocument>(reads, 'projects', { completedOn: datesIn(period) });
}

/** A value per tier, every tier present. */
export function perTier<T>(projects: readonly ProjectDocument[], measure: (ofTier: ProjectDocument[]) => T): Record<ClientTier, T> {
  return Object.fromEntries(clientTiers.map((tier) => [tier, measure(projects.filter((project) => project.tier === tier))])) as Record<ClientTier, T>;
}
