import { ConcurrencyError, ValidationError } from './errors';
import type { ExpectedRevision } from './event-store.port';
import type { NewEvent } from './messages';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rejects what no store state could accept, before any transaction or round trip — the same codes
 * in every adapter: a stream name, a valid expected revision, UUID ids unique within the append,
 * a type, object data and metadata.
 */
export function validateAppend(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new ValidationError('stream.invalid_name', 'Stream name must be a non-empty string', { stream });
  }
  const validExpected =
    expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n);
  if (!validExpected) {
    throw new ValidationError('stream.invalid_expected_revision', `Expected revision ${String(expected)} is not valid`, { stream, expected: String(expected) });
  }
  const ids = new Set<string>();
  for (const event of events) {
    const problem = eventProblem(event);
    if (problem !== null) {
      throw new ValidationError('event.invalid', `Event ${String(event.id)} for stream ${stream}: ${problem}`, { stream, eventId: event.id });
    }
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw duplicateIdError(stream, event.id, 'appears twice in the same append');
    ids.add(id);
  }
}

function eventProblem(event: NewEvent): string | null {
  if (typeof event.id !== 'string' || !uuidPattern.test(event.id)) return 'id must be a UUID';
  if (typeof event.type !== 'string' || event.type.length === 0) return 'type must be a non-empty string';
  if (typeof event.data !== 'object' || event.data === null) return 'data must be an object';
  if (typeof event.metadata !== 'object' || event.metadata === null) return 'metadata must be an object';
  return null;
}

export function duplicateIdError(stream: string, eventId: string, where: string): ValidationError {
  return new ValidationError('event.duplicate_id', `Event id ${eventId} appended to ${stream} ${where}`, { stream, eventId });
}

/** Throws `ConcurrencyError` unless a stream whose last revision is `actual` satisfies `expected`. */
export function assertExpectedRevision(stream: string, expected: ExpectedRevision, actual: bigint | null): void {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    expected === actual;
  if (!matches) throw new ConcurrencyError(stream, String(expected), actual ?? 'no_stream');
}
