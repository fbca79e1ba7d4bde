import { ConcurrencyError, ValidationError } from '../../core/errors';
import type { ExpectedRevision } from '../../core/event-store.port';
import type { NewEvent } from '../../core/messages';

/** Rejects input no store state could make valid, before it reaches the write transaction. */
export function validateAppend(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new ValidationError('stream.invalid_name', 'Stream name must be a non-empty string', { stream });
  }
  validateExpected(stream, expected);
  const ids = new Set<string>();
  for (const event of events) {
    validateEvent(stream, event);
    if (ids.has(event.id)) throw duplicateIdError(stream, event.id, 'appears twice in the same append');
    ids.add(event.id);
  }
}

function validateExpected(stream: string, expected: ExpectedRevision): void {
  const valid =
    expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n);
  if (!valid) {
    throw new ValidationError('stream.invalid_expected_revision', `Expected revision ${String(expected)} is not valid`, {
      stream,
      expected: String(expected),
    });
  }
}

function validateEvent(stream: string, event: NewEvent): void {
  const problem = eventProblem(event);
  if (problem !== null) {
    throw new ValidationError('event.invalid', `Event ${String(event.id)} for stream ${stream}: ${problem}`, { stream, eventId: event.id });
  }
}

function eventProblem(event: NewEvent): string | null {
  if (typeof event.id !== 'string' || event.id.length === 0) return 'id must be a non-empty string';
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
