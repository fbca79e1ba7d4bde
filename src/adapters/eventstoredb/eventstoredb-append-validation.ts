import { ValidationError } from '../../core/errors';
import type { ExpectedRevision } from '../../core/event-store.port';
import type { NewEvent } from '../../core/messages';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rejects, before any round trip, what no server state could accept: the same codes as the
 * SQLite adapter, plus ids that are not UUIDs (EventStoreDB stores ids as UUIDs).
 */
export function validateAppend(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new ValidationError('stream.invalid_name', 'Stream name must be a non-empty string', { stream });
  }
  const validExpected =
    expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n);
  if (!validExpected) {
    throw new ValidationError('stream.invalid_expected_revision', `Expected revision ${String(expected)} is not valid`, {
      stream,
      expected: String(expected),
    });
  }
  const ids = new Set<string>();
  for (const event of events) {
    const problem = eventProblem(event);
    if (problem !== null) {
      throw new ValidationError('event.invalid', `Event ${String(event.id)} for stream ${stream}: ${problem}`, { stream, eventId: event.id });
    }
    if (ids.has(event.id.toLowerCase())) {
      throw new ValidationError('event.duplicate_id', `Event id ${event.id} appended to ${stream} appears twice in the same append`, {
        stream,
        eventId: event.id,
      });
    }
    ids.add(event.id.toLowerCase());
  }
}

function eventProblem(event: NewEvent): string | null {
  if (typeof event.id !== 'string' || !uuidPattern.test(event.id)) return 'id must be a UUID';
  if (typeof event.type !== 'string' || event.type.length === 0) return 'type must be a non-empty string';
  if (typeof event.data !== 'object' || event.data === null) return 'data must be an object';
  if (typeof event.metadata !== 'object' || event.metadata === null) return 'metadata must be an object';
  return null;
}
