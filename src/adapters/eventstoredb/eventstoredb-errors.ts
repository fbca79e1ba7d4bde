import { convertToCommandError, ErrorType, isCommandError, WrongExpectedVersionError } from '@eventstore/db-client';
import { AppError, ConcurrencyError, UpstreamError } from '../../core/errors';

/** What the adapter was doing when the driver failed, for the error's message and details. */
export interface FailureContext {
  /** `host:port` of the server, never the credentials. */
  readonly endpoint: string;
  /** E.g. `append to Invoice-42`, `read $all`. */
  readonly operation: string;
  readonly stream?: string;
  /** Our expected revision, as the caller gave it. */
  readonly expected?: string;
}

const upstreamCodes: Partial<Record<ErrorType, readonly [code: string, reason: string]>> = {
  [ErrorType.UNAVAILABLE]: ['event_store.unavailable', 'is unavailable'],
  [ErrorType.DEADLINE_EXCEEDED]: ['event_store.timeout', 'did not answer in time'],
  [ErrorType.TIMEOUT]: ['event_store.timeout', 'timed out'],
  [ErrorType.CANCELLED]: ['event_store.unavailable', 'cancelled the request'],
  [ErrorType.ACCESS_DENIED]: ['event_store.access_denied', 'denied access (check the credentials in the connection string)'],
  [ErrorType.NOT_LEADER]: ['event_store.not_leader', 'is not the cluster leader'],
  [ErrorType.STREAM_DELETED]: ['event_store.stream_deleted', 'reports the stream as deleted'],
  [ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED]: ['event_store.append_too_large', 'refused an append above its maximum size'],
};

/**
 * Translates a driver error into our error family, once, at the adapter edge: a wrong expected
 * version becomes `ConcurrencyError`, everything else from the driver an `UpstreamError`. Our own
 * errors pass through unchanged.
 */
export function translateError(thrown: unknown, context: FailureContext): AppError {
  if (thrown instanceof AppError) return thrown;
  // Some driver paths (the server-features probe) reject with the raw gRPC error.
  const error = thrown instanceof Error ? convertToCommandError(thrown) : thrown;
  if (error instanceof WrongExpectedVersionError) {
    const stream = context.stream ?? error.streamName;
    return new ConcurrencyError(stream, context.expected ?? String(error.expectedVersion), error.actualVersion, { cause: error });
  }
  const driverMessage = error instanceof Error ? error.message : String(error);
  const known = error instanceof Error && isCommandError(error) ? upstreamCodes[error.type] : undefined;
  const [code, reason] = known ?? ['event_store.failed', 'failed'];
  return new UpstreamError(
    code,
    `EventStoreDB at ${context.endpoint} ${reason} (${context.operation}): ${driverMessage}`,
    { endpoint: context.endpoint, operation: context.operation, ...(context.stream === undefined ? {} : { stream: context.stream }) },
    { cause: error },
  );
}

/** `host:port[,host:port]` of a connection string, for messages: credentials and options dropped. */
export function endpointOf(connectionString: string): string {
  const withoutScheme = connectionString.replace(/^[a-z+]+:\/\//i, '');
  const authority = withoutScheme.split(/[/?]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1);
}
