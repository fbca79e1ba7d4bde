import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter, ReadStore } from '../../core/read-store.port';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { hoursBy, sumHours } from './hours';
import { datesIn } from '../shared/period-filter';
import { findEvery } from '../shared/documents';
import { timeFactsIn } from './time-facts';
import { type TimeEntryDocument, timeEntriesProjection } from './time-entries.projection';

/**
 * Live time entries (corrections applied, deletions gone) whose work date falls in the period's
 * business dates, narrowed by `filter` (e.g. `{ billable: true }`, `{ projectId: { $in: ids } }`).
 * Used by other areas for costs (hours × cost rate) and revenue per consultant hour.
 */
export function timeEntriesInPeriod(context: KpiContext, period: ResolvedPeriod, filter: DocumentFilter = {}): Promise<TimeEntryDocument[]> {
  return findEvery<TimeEntryDocument>(context.reads, 'time_entries', { ...filter, workDate: datesIn(period) });
}

export interface BillableHours {
  readonly totalHours: number;
  readonly byProject: Record<string, number>;
  readonly byConsultant: Record<string, number>;
}

/**
 * billableHours: Σ hours of billable entries whose work date is in the period, after corrections
 * (an entry moved out of the period or made non-billable no longer counts) and deletions.
 */
export async function billableHours(context: KpiContext, period: Period): Promise<KpiResult<BillableHours>> {
  const { facts, readModel } = await timeFactsIn(context, periodOf(context, period), { billableOnly: true });
  const value = {
    totalHours: sumHours(facts),
    byProject: hoursBy(facts, (fact) => fact.projectId),
    byConsultant: hoursBy(facts, (fact) => fact.consultantId),
  };
  return kpiResult(context, [readModel], facts, value);
}

/**
 * A consultant's live hours on one work date on projects other than `exceptProjectId`, from the
 * `time_entries` read model (its `consultantId, workDate` index): the LogHours day rule's view of
 * the other projects, as of the read model's position.
 */
export async function hoursOnOtherProjects(reads: ReadStore, consultantId: string, workDate: string, exceptProjectId: string): Promise<number> {
  const { documents } = await reads.find<TimeEntryDocument>(timeEntriesProjection.name, { filter: { consultantId, workDate }, limit: 500 });
  const hundredths = documents.filter((entry) => entry.projectId !== exceptProjectId).reduce((total, entry) => total + Math.round(entry.hours * 100), 0);
  return hundredths / 100;
}
