import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter } from '../../core/read-store.port';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { hoursBy, sumHours } from './hours';
import { datesIn } from '../shared/period-filter';
import { findEvery } from '../shared/documents';
import { timeFactsIn } from './time-facts';
import type { TimeEntryDocument } from './time-entries.projection';

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
