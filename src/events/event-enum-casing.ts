import { type Shape, shapeProblem } from './event-shape';
import { eventShapes } from './event-shapes';

/**
 * One enum casing for readers: the API's enum values are UPPER_SNAKE (`PAID_SEARCH`), while some
 * event types store theirs lower-case (`paid_search`, written before the API existed and frozen
 * since). Readers of event data through the API get every value the event's declared type lists
 * as an enum (of two values or more) upper-cased, so `Event.data` matches the GraphQL enums; the stored events and the
 * NDJSON export (what `events import` reads back) keep their bytes.
 */
export function withApiEnumCasing(type: string, data: object): object {
  const shape = eventShapes[type];
  return shape === undefined ? data : (present(shape, data) as object);
}

/**
 * A one-value "enum" is a union's tag (`trigger.kind: 'event' | 'schedule'` declared per member),
 * not a choice the API has an enum for: it stays as stored.
 */
export const isEnumeration = (values: readonly string[]): boolean => values.length > 1;

function present(shape: Shape, value: unknown): unknown {
  if (typeof shape === 'string' || value === null || value === undefined) return value;
  if ('enum' in shape) return isEnumeration(shape.enum) && typeof value === 'string' && shape.enum.includes(value) ? value.toUpperCase() : value;
  if ('anyOf' in shape) {
    // The variant the value is (a union's member, or null): its own shape says what to present.
    const variant = shape.anyOf.find((option) => shapeProblem(option, value, 'data') === null);
    return variant === undefined ? value : present(variant, value);
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
