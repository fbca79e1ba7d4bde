export type AppErrorKind = 'validation' | 'rule' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'upstream';

/**
 * The one error family of the application. `code` is stable (clients and tests match on it);
 * `kind` decides how the edge (GraphQL, HTTP) presents it. Domain code never knows about HTTP.
 */
export abstract class AppError extends Error {
  abstract readonly kind: AppErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that is malformed regardless of state (missing field, wrong format). */
export class ValidationError extends AppError {
  readonly kind = 'validation';
}

/** A business rule refused the command, e.g. `invoice.overpayment`. */
export class DomainRuleError extends AppError {
  readonly kind = 'rule';
}

export class NotFoundError extends AppError {
  readonly kind = 'not_found';
}

/** Optimistic concurrency: the stream is not at the revision the writer expected. */
export class ConcurrencyError extends AppError {
  readonly kind = 'conflict';

  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: bigint | 'no_stream',
    options?: { cause?: unknown },
  ) {
    super(
      'stream.wrong_expected_revision',
      `Stream ${stream} is at ${actual === 'no_stream' ? 'no stream' : `revision ${actual}`}, expected ${expected}`,
      { stream, expected, actual: String(actual) },
      options,
    );
  }
}

/** The request contradicts what was already recorded under the same key or id (not a version race). */
export class ConflictError extends AppError {
  readonly kind = 'conflict';
}

export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
}

/**
 * A write under a lease the writer no longer holds: the store has seen a newer fencing token
 * (`read_store.fenced`). The writer stops; its successor carries on.
 */
export class FencedError extends AppError {
  readonly kind = 'conflict';
}

/** A store or a business tool failed or answered something we cannot use. */
export class UpstreamError extends AppError {
  readonly kind = 'upstream';
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
