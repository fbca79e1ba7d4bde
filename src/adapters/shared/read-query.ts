import { ValidationError } from '../../core/errors';
import type { DocumentFilter, FindQuery, SortDirection } from '../../core/read-store.port';
import { decodeCursor, type Scalar, type SortKey } from './read-store-cursor';
import { checkFieldPath } from './read-store-names';

export type { Scalar, SortKey } from './read-store-cursor';
export type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';
export interface RangeBound {
  readonly op: RangeOperator;
  readonly value: string | number;
}

/** One validated condition of a filter, in a form each adapter translates on its own. */
export type Condition =
  | { readonly kind: 'eq' | 'ne'; readonly path: string; readonly value: Scalar }
  | { readonly kind: 'in'; readonly path: string; readonly values: readonly Scalar[] }
  | { readonly kind: 'range'; readonly path: string; readonly bounds: readonly RangeBound[] };

/** A `FindQuery` once validated: sort always ends with `_id`, `after` holds one value per sort key. */
export interface ParsedQuery {
  readonly conditions: readonly Condition[];
  readonly sort: readonly SortKey[];
  readonly limit: number | null;
  readonly after: readonly Scalar[] | null;
}

const rangeOperators: ReadonlySet<string> = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * Validates a query against the port's grammar. Only the port's operators are understood; any
 * other `$` key, a nested operator or an object/array operand is a ValidationError, so a value
 * taken from a client can never smuggle `$where`, `$regex` or `$expr` into a store.
 */
export function parseFindQuery(query: FindQuery = {}): ParsedQuery {
  const sort = parseSort(query.sort);
  return {
    conditions: parseFilter(query.filter),
    sort,
    limit: parseLimit(query.limit),
    after: query.after === undefined ? null : decodeCursor(query.after, sort),
  };
}

export function parseFilter(filter: DocumentFilter = {}): Condition[] {
  if (!isPlainObject(filter)) throw invalidFilter('filter must be an object');
  return Object.entries(filter).map(([path, condition]) => parseCondition(checkFieldPath(path), condition));
}

function parseCondition(path: string, condition: unknown): Condition {
  if (!isPlainObject(condition)) return { kind: 'eq', path, value: operand(path, condition) };
  const keys = Object.keys(condition);
  if (keys.length === 0 || keys.some((key) => !key.startsWith('$'))) {
    throw invalidFilter(`${path}: equality on objects is not supported; use $in, $ne, $gt, $gte, $lt or $lte`);
  }
  const single = (operator: string) => {
    if (keys.length !== 1) throw invalidFilter(`${path}: ${operator} cannot be combined with other operators`);
  };
  if ('$in' in condition) {
    single('$in');
    const values = condition.$in;
    if (!Array.isArray(values)) throw invalidFilter(`${path}: $in needs an array`);
    return { kind: 'in', path, values: values.map((value) => operand(path, value)) };
  }
  if ('$ne' in condition) {
    single('$ne');
    return { kind: 'ne', path, value: operand(path, condition.$ne) };
  }
  return { kind: 'range', path, bounds: keys.map((key) => rangeBound(path, key, condition[key])) };
}

function rangeBound(path: string, op: string, value: unknown): RangeBound {
  if (!rangeOperators.has(op)) throw invalidFilter(`${path}: operator ${op} is not supported`, 'read_store.unsupported_operator');
  const bound = operand(path, value);
  if (typeof bound !== 'string' && typeof bound !== 'number') throw invalidFilter(`${path}: ${op} needs a string or a number`);
  return { op: op as RangeOperator, value: bound };
}

/** Operands are JSON scalars; `_id` is always a string, so only strings are compared with it. */
function operand(path: string, value: unknown): Scalar {
  const scalar = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!scalar) throw invalidFilter(`${path}: operands must be strings, finite numbers, booleans or null`);
  if (path === '_id' && typeof value !== 'string') throw invalidFilter('_id: operands must be strings');
  return value as Scalar;
}

function parseSort(sort: FindQuery['sort'] = []): SortKey[] {
  if (!Array.isArray(sort)) throw new ValidationError('read_store.invalid_sort', 'sort must be an array of [fieldPath, 1 | -1]');
  const keys = sort.map(([path, direction]): SortKey => {
    if (direction !== 1 && direction !== -1) throw new ValidationError('read_store.invalid_sort', `Sort direction of ${String(path)} must be 1 or -1`);
    return { path: checkFieldPath(path), direction };
  });
  const idIndex = keys.findIndex((key) => key.path === '_id');
  // Keys after `_id` can never break a tie, so they are dropped; `_id` itself makes the order total.
  return idIndex === -1 ? [...keys, { path: '_id', direction: 1 }] : keys.slice(0, idIndex + 1);
}

function parseLimit(limit: number | undefined): number | null {
  if (limit === undefined) return null;
  if (Number.isSafeInteger(limit) && limit >= 1) return limit;
  throw new ValidationError('read_store.invalid_limit', `limit must be a positive integer, got ${String(limit)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidFilter(message: string, code = 'read_store.invalid_filter'): ValidationError {
  return new ValidationError(code, `Invalid filter: ${message}`);
}
