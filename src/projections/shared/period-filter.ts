import type { ResolvedPeriod } from '../../core/business-time';
import type { FieldCondition } from '../../core/read-store.port';

/** Range condition on a field holding ISO UTC instants: [from, to) of the period. */
export function instantsIn(period: ResolvedPeriod): FieldCondition {
  return { $gte: period.fromInstant, $lt: period.toInstant };
}

/** Range condition on a field holding business dates (`YYYY-MM-DD`) of the period. */
export function datesIn(period: ResolvedPeriod): FieldCondition {
  return { $gte: period.fromDate, $lt: period.toDate };
}
