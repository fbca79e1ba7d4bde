import { parseInstant } from '../../core/time';
import type { EventCriteria } from '../events/event-criteria';

/** `?types=A,B&types=C` → ['A', 'B', 'C']; absent → undefined. */
function listOf(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length > 0 ? values : undefined;
}

/** The export's filters, as the `events` query takes them; throws ValidationError on a bad instant. */
export function criteriaOfQuery(params: URLSearchParams): EventCriteria {
  const from = params.get('from');
  const to = params.get('to');
  return {
    types: listOf(params, 'types'),
    streams: listOf(params, 'streams'),
    categories: listOf(params, 'categories'),
    from: from ? parseInstant(from, 'from') : undefined,
    to: to ? parseInstant(to, 'to') : undefined,
    correlationId: params.get('correlationId') || undefined,
  };
}
