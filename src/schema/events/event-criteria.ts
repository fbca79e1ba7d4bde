import type { ReadAllOptions } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';

/** Which events an analyst wants; shared by the `events` query, the subscription and the NDJSON export. */
export interface EventCriteria {
  readonly types?: readonly string[] | null;
  readonly streams?: readonly string[] | null;
  readonly categories?: readonly string[] | null;
  /** occurredAt >= from */
  readonly from?: Date | null;
  /** occurredAt < to */
  readonly to?: Date | null;
  readonly correlationId?: string | null;
}

const given = (list: readonly string[] | null | undefined): list is readonly string[] => !!list && list.length > 0;

/** The part of the criteria the store filters itself (types and categories). */
export function storeFilterOf(criteria: EventCriteria): Pick<ReadAllOptions, 'types' | 'categories'> {
  const categories = given(criteria.categories) ? criteria.categories : given(criteria.streams) ? [...new Set(criteria.streams.map(categoryOf))] : undefined;
  return { ...(given(criteria.types) ? { types: criteria.types } : {}), ...(categories ? { categories } : {}) };
}

/** True when the store cannot apply every condition, so pages need a bounded scan. */
export function needsScan(criteria: EventCriteria): boolean {
  return given(criteria.streams) || !!criteria.from || !!criteria.to || !!criteria.correlationId;
}

export function matchesCriteria(event: RecordedEvent, criteria: EventCriteria): boolean {
  if (given(criteria.types) && !criteria.types.includes(event.type)) return false;
  if (given(criteria.streams) && !criteria.streams.includes(event.stream)) return false;
  if (given(criteria.categories) && !criteria.categories.includes(categoryOf(event.stream))) return false;
  if (criteria.correlationId && event.metadata.correlationId !== criteria.correlationId) return false;
  if (criteria.from || criteria.to) {
    const occurredAt = Date.parse(event.metadata.occurredAt);
    if (criteria.from && occurredAt < criteria.from.getTime()) return false;
    if (criteria.to && occurredAt >= criteria.to.getTime()) return false;
  }
  return true;
}
