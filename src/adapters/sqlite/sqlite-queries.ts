import { type DamagedEvent, eventChecksum } from '../../core/event-damage';
import type { EventMetadata, RecordedEvent } from '../../core/messages';

/**
 * A row of `SELECT position, id, stream, revision, type, data, metadata, checksum`, read as an
 * array (`Statement.raw()`): the driver builds arrays about twice as fast as keyed objects.
 * `checksum` is NULL on rows stored before checksums existed.
 */
export type EventRow = readonly [
  position: bigint,
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  checksum: string | null,
];

export const eventColumns = 'position, id, stream, revision, type, data, metadata, checksum';

/** A row read back: the event, or why it cannot be trusted. */
export type DecodedRow = { readonly event: RecordedEvent; readonly damage?: undefined } | { readonly event?: undefined; readonly damage: DamagedEvent };

const text = (value: unknown) => (typeof value === 'string' ? value : String(value));

/** Names a damaged row with what can still be read of it. */
function damageOf(row: EventRow, reason: string): DamagedEvent {
  const [position, id, stream, revision, type] = row;
  return { stream: text(stream), revision: text(revision), position: text(position), type: text(type), id: text(id), reason };
}

/** Why a row's fields cannot be what the appender wrote, or null. */
function malformation([position, id, stream, revision, type, data, metadata, checksum]: EventRow): string | null {
  const strings = [id, stream, type, data, metadata].every((value) => typeof value === 'string');
  const integers = typeof position === 'bigint' && typeof revision === 'bigint' && revision >= 0n;
  return strings && integers && (checksum === null || typeof checksum === 'string') ? null : 'malformed_row';
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a row against its checksum (when it has one and its position is above `verifiedThrough`,
 * what a walk over the log already checked), then parses its JSON. Rows without a checksum
 * (stored by an older build) are checked only by their JSON parsing to objects.
 */
export function decodeEventRow(row: EventRow, verifiedThrough = 0n): DecodedRow {
  const malformed = malformation(row);
  if (malformed) return { damage: damageOf(row, malformed) };
  const [position, id, stream, revision, type, data, metadata, checksum] = row;
  const unverified = checksum !== null && position > verifiedThrough;
  if (unverified && checksum !== eventChecksum({ id, stream, revision, type, data, metadata })) return { damage: damageOf(row, 'checksum_mismatch') };
  let parsedData: unknown;
  let parsedMetadata: unknown;
  try {
    parsedData = JSON.parse(data);
  } catch {
    return { damage: damageOf(row, 'data_not_json') };
  }
  try {
    parsedMetadata = JSON.parse(metadata);
  } catch {
    return { damage: damageOf(row, 'metadata_not_json') };
  }
  if (!isObject(parsedData) || !isObject(parsedMetadata)) return { damage: damageOf(row, 'malformed_row') };
  return { event: { id, type, data: parsedData, metadata: parsedMetadata as EventMetadata, stream, revision, position } };
}

/** Types and categories a read keeps; `null` keeps everything, an empty list keeps nothing. */
export interface EventFilter {
  readonly types: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly matchesNothing: boolean;
}

export function eventFilter(options: { types?: readonly string[]; categories?: readonly string[] }): EventFilter {
  const types = options.types === undefined ? null : [...new Set(options.types)];
  const categories = options.categories === undefined ? null : [...new Set(options.categories)];
  return { types, categories, matchesNothing: types?.length === 0 || categories?.length === 0 };
}

/**
 * The SQL of one `readAll` page. Unfiltered, it walks the primary key. Filtered and planned as a
 * `seek` (the default, for filters that match few events), each wanted
 * category (else type) walks its own `(column, position)` index for at most `limit` rows and the
 * union is cut to `limit`: a page costs O(values × limit), whatever the share of matching events,
 * where `column IN (…) ORDER BY position` would sort every remaining match on every page.
 */
export function allPageQuery(filter: EventFilter, plan: 'seek' | 'walk' = 'seek'): { sql: string; key: string; parameters: Record<string, string> } {
  const order = 'ORDER BY position LIMIT @limit';
  if (filter.types === null && filter.categories === null) {
    return { sql: `SELECT ${eventColumns} FROM events WHERE position > @after ${order}`, key: 'all', parameters: {} };
  }
  if (plan === 'walk') return walkPageQuery(filter);
  const [driver, driven, other] =
    filter.categories !== null
      ? (['category', filter.categories, filter.types] as const)
      : (['type', filter.types!, null] as const);
  const parameters: Record<string, string> = {};
  driven.forEach((value, index) => (parameters[`d${index}`] = value));
  other?.forEach((value, index) => (parameters[`o${index}`] = value));
  const alsoType = other === null ? '' : `AND type IN (${other.map((_, index) => `@o${index}`).join(', ')})`;
  const branch = (index: number) =>
    `SELECT position FROM (SELECT position FROM events INDEXED BY events_by_${driver}
       WHERE ${driver} = @d${index} AND position > @after ${alsoType} ${order})`;
  const positions = driven.map((_, index) => branch(index)).join(' UNION ALL ');
  return {
    sql: `SELECT ${eventColumns} FROM events WHERE position IN (${positions}) ${order}`,
    key: `${driver}:${driven.length}:${other?.length ?? '-'}`,
    parameters,
  };
}

/**
 * A filtered page planned as a `walk`: the primary key from `after`, testing each event. For a
 * filter that matches most of the log (a rebuild of the read model of the commonest events) it
 * reads a fifth faster than the seek, which looks each matching position up through its index.
 */
function walkPageQuery(filter: EventFilter): { sql: string; key: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {};
  const condition = (column: string, prefix: string, values: readonly string[] | null) => {
    if (values === null) return '';
    values.forEach((value, index) => (parameters[`${prefix}${index}`] = value));
    return ` AND ${column} IN (${values.map((_, index) => `@${prefix}${index}`).join(', ')})`;
  };
  const where = `position > @after${condition('type', 't', filter.types)}${condition('category', 'c', filter.categories)}`;
  return {
    sql: `SELECT ${eventColumns} FROM events NOT INDEXED WHERE ${where} ORDER BY position LIMIT @limit`,
    key: `walk:${filter.types?.length ?? '-'}:${filter.categories?.length ?? '-'}`,
    parameters,
  };
}
