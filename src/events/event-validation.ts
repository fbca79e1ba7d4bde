import type { Upcaster } from '../core/upcasting';
import { shapeProblem } from './event-shape';
import { eventShapes } from './event-shapes';

/**
 * Turns stored events of an older shape into the current one (see `Upcaster`). None is needed
 * yet; an event type whose shape changes registers its upcaster here, and import checks the result.
 */
export const upcasters: readonly Upcaster[] = [];

/** An event's type and data as the current code reads them: upcast first. */
export function upcastData<E extends { type: string; data: object }>(event: E): E {
  return upcasters.filter((upcaster) => upcaster.eventType === event.type).reduce((current, upcaster) => upcaster.upcast(current as never) as unknown as E, event);
}

/**
 * Why this event's data is not what its type declares (after upcasting), or null: an unknown
 * type, a missing field, a field of the wrong JSON type or outside its allowed values.
 */
export function eventDataProblem(type: string, data: unknown): string | null {
  const shape = eventShapes[type];
  if (shape === undefined) return `unknown event type ${type}`;
  const problem = shapeProblem(shape, data, 'data');
  return problem === null ? null : `${type}: ${problem}`;
}
