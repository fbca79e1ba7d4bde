import type { Document } from 'mongodb';
import type { Condition, ParsedQuery, Scalar, SortKey } from '../shared/read-query';

/** A find as the driver takes it. */
export interface MongoFind {
  readonly filter: Document;
  readonly sort: ReadonlyArray<readonly [string, 1 | -1]>;
  /** Documents to fetch: one more than the page, so a full page knows whether another follows. */
  readonly fetch: number | null;
}

/** Live documents only: a delete leaves a tombstone so that older writes cannot resurrect it. */
export const liveOnly: Document = { _deleted: { $ne: true } };

/**
 * Translates a validated query into a MongoDB filter and sort. Each port operator maps to its
 * MongoDB namesake and equality is spelled `$eq`, so no value is ever read as an operator. MongoDB
 * compares within one type (a string operand matches strings only), as the SQLite adapter does.
 */
export function mongoFind(query: ParsedQuery): MongoFind {
  const clauses = [liveOnly, ...query.conditions.map(conditionFilter)];
  if (query.after) clauses.push(keysetFilter(query.sort, query.after));
  return {
    filter: { $and: clauses },
    sort: query.sort.map((key) => [key.path, key.direction] as const),
    fetch: query.limit === null ? null : query.limit + 1,
  };
}

/** The values a cursor records for `document`: missing fields and non-scalars count as null. */
export function sortValues(document: Document, sort: readonly SortKey[]): Scalar[] {
  return sort.map((key) => {
    const value: unknown = key.path.split('.').reduce<unknown>((current, field) => (isObject(current) ? current[field] : undefined), document);
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  });
}

function conditionFilter(condition: Condition): Document {
  switch (condition.kind) {
    case 'eq':
      return { [condition.path]: { $eq: condition.value } };
    case 'ne':
      return { [condition.path]: { $ne: condition.value } };
    case 'in':
      return { [condition.path]: { $in: [...condition.values] } };
    case 'range':
      return { [condition.path]: Object.fromEntries(condition.bounds.map((bound) => [bound.op, bound.value])) };
  }
}

/**
 * Documents strictly after the cursor in sort order: (k0 after c0) OR (k0 = c0 AND k1 after c1)...
 * null and missing are the lowest values, as in MongoDB's own sort.
 */
function keysetFilter(sort: readonly SortKey[], values: readonly Scalar[]): Document {
  const branches: Document[] = [];
  sort.forEach((key, index) => {
    const after = afterFilter(key, values[index]!);
    if (after === null) return;
    const ties = sort.slice(0, index).map((previous, j) => ({ [previous.path]: { $eq: values[j] } }));
    branches.push({ $and: [...ties, after] });
  });
  return branches.length === 0 ? { _id: { $in: [] } } : { $or: branches };
}

function afterFilter(key: SortKey, value: Scalar): Document | null {
  if (key.direction === 1) return value === null ? { [key.path]: { $ne: null } } : { [key.path]: { $gt: value } };
  return value === null ? null : { $or: [{ [key.path]: { $lt: value } }, { [key.path]: { $eq: null } }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
