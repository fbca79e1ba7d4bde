import type { Condition, ParsedQuery, RangeBound, Scalar, SortKey } from '../shared/read-query';

/** A piece of SQL and the values bound to its `?` placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

const numberType = `IN ('integer', 'real')`;

/**
 * The SQL expression of a validated path. Paths are validated identifiers, so writing them into
 * the SQL text is safe, and it has to be: an index on `json_extract(doc, '$.status')` is only used
 * by queries that spell the same expression. Values are always bound.
 */
export function fieldExpression(path: string): string {
  return path === '_id' ? 'id' : `json_extract(doc, '$.${path}')`;
}

function typeExpression(path: string): string {
  return `ifnull(json_type(doc, '$.${path}'), 'missing')`;
}

/**
 * WHERE clause of a find: live documents (tombstones have `doc` NULL), the filter, and the keyset
 * condition of the cursor. Comparisons are typed like MongoDB's: a string operand only matches
 * strings, a number only numbers, `true` only `true` (json_extract alone would give 1 for it).
 */
export function whereClause(query: ParsedQuery): SqlFragment {
  const parts: SqlFragment[] = [{ sql: 'doc IS NOT NULL', params: [] }, ...query.conditions.map(conditionSql)];
  if (query.after) parts.push(keysetSql(query.sort, query.after));
  return join(parts, ' AND ');
}

/** ORDER BY of a find; NULL (null or missing) sorts first ascending and last descending. */
export function orderByClause(sort: readonly SortKey[]): string {
  return sort.map((key) => `${fieldExpression(key.path)} ${key.direction === 1 ? 'ASC' : 'DESC'}`).join(', ');
}

function conditionSql(condition: Condition): SqlFragment {
  switch (condition.kind) {
    case 'eq':
      return equalsSql(condition.path, condition.value);
    case 'ne': {
      const equals = equalsSql(condition.path, condition.value);
      return { sql: `NOT coalesce(${equals.sql}, 0)`, params: equals.params };
    }
    case 'in':
      return inSql(condition.path, condition.values);
    case 'range':
      return join(condition.bounds.map((bound) => boundSql(condition.path, bound)), ' AND ');
  }
}

function equalsSql(path: string, value: Scalar): SqlFragment {
  const field = fieldExpression(path);
  if (path === '_id') return { sql: 'id = ?', params: [value] };
  if (value === null) return { sql: `${field} IS NULL`, params: [] };
  if (typeof value === 'boolean') return { sql: `${typeExpression(path)} = '${value}'`, params: [] };
  return { sql: `(${typeGuard(path, value)} AND ${field} = ?)`, params: [value] };
}

function inSql(path: string, values: readonly Scalar[]): SqlFragment {
  if (values.length === 0) return { sql: '0', params: [] };
  if (path === '_id') return { sql: `id IN (${placeholders(values.length)})`, params: values };
  const strings = values.filter((value) => typeof value === 'string');
  const numbers = values.filter((value) => typeof value === 'number');
  const others = values.filter((value) => typeof value !== 'string' && typeof value !== 'number');
  const groups = [strings, numbers].filter((group) => group.length > 0);
  const parts = groups.map((group) => ({
    sql: `(${typeGuard(path, group[0]!)} AND ${fieldExpression(path)} IN (${placeholders(group.length)}))`,
    params: group,
  }));
  return join([...parts, ...others.map((value) => equalsSql(path, value))], ' OR ', true);
}

function boundSql(path: string, bound: RangeBound): SqlFragment {
  const operator = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[bound.op];
  const comparison = `${fieldExpression(path)} ${operator} ?`;
  if (path === '_id') return { sql: comparison, params: [bound.value] };
  return { sql: `(${typeGuard(path, bound.value)} AND ${comparison})`, params: [bound.value] };
}

function typeGuard(path: string, value: string | number): string {
  return typeof value === 'string' ? `${typeExpression(path)} = 'text'` : `${typeExpression(path)} ${numberType}`;
}

/**
 * Rows strictly after the cursor in sort order: (k0 after c0) OR (k0 = c0 AND k1 after c1) OR ...
 * NULL is the lowest value, as in ORDER BY. Cursor values are SQL values, so booleans are 0/1.
 */
function keysetSql(sort: readonly SortKey[], values: readonly Scalar[]): SqlFragment {
  const branches = sort.map((key, index) => {
    const ties = sort.slice(0, index).map((previous, j) => sameSql(previous, values[j]!));
    return join([...ties, afterSql(key, values[index]!)], ' AND ');
  });
  return join(branches, ' OR ', true);
}

function sameSql(key: SortKey, value: Scalar): SqlFragment {
  const field = fieldExpression(key.path);
  return value === null ? { sql: `${field} IS NULL`, params: [] } : { sql: `${field} = ?`, params: [sqlValue(value)] };
}

function afterSql(key: SortKey, value: Scalar): SqlFragment {
  const field = fieldExpression(key.path);
  if (key.direction === 1) {
    return value === null ? { sql: `${field} IS NOT NULL`, params: [] } : { sql: `${field} > ?`, params: [sqlValue(value)] };
  }
  return value === null ? { sql: '0', params: [] } : { sql: `(${field} < ? OR ${field} IS NULL)`, params: [sqlValue(value)] };
}

function sqlValue(value: Exclude<Scalar, null>): string | number {
  return typeof value === 'boolean' ? Number(value) : value;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

function join(parts: readonly SqlFragment[], separator: string, parenthesise = false): SqlFragment {
  const sql = parts.map((part) => part.sql).join(separator);
  return { sql: parenthesise ? `(${sql})` : sql, params: parts.flatMap((part) => part.params) };
}
