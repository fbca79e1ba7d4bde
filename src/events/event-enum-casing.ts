import type { Shape } from './event-shape';
import { eventShapes } from './event-shapes';

/**
 * One enum casing for readers: the API's enum values are UPPER_SNAKE (`PAID_SEARCH`), while some
 * event types store theirs lower-case (`paid_search`, written before the API existed and frozen
 * since). Readers of event data through the API get every value the event's declared type lists
 * as an enum upper-cased, so `Event.data` matches the GraphQL enums; the stored events and the
 * NDJSON export (what `events import` reads back) keep their bytes.
 */
export function withApiEnumCasing(type: string, data: object): object {
  const shape = eventShapes[type];
  return shape === undefined ? data : (present(shape, data) as object);
}

function present(shape: Shape, value: unknown): unknown {
  if (typeof shape === 'string' || value === null || value === undefined) return value;
  if ('enum' in shape) return typeof value === 'string' && shape.enum.includes(value) ? value.toUpperCase() : value;
  if ('anyOf' in shape) {
    const matching = shape.anyOf.find((option) => typeof option === 'object' && 'enum' in option && typeof value === 'string' && option.enum.includes(value));
    if (matching) return present(matching, value);
    const structured = shape.anyOf.find((option) => typeof option === 'object' && !('enum' in option));
    return structured ? present(structured, value) : value;
  }
  if ('array' in shape) return Array.isArray(value) ? value.map((item) => present(shape.array, item)) : value;
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const fields = value as Record<string, unknown>;
  if ('record' in shape) return Object.fromEntries(Object.entries(fields).map(([key, item]) => [key, present(shape.record, item)]));
  const copy: Record<string, unknown> = { ...fields };
  for (const [name, field] of Object.entries(shape.object)) {
    if (name in copy) copy[name] = present(field.shape, copy[name]);
  }
  return copy;
}
