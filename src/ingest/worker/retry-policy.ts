import { isAppError } from '../../core/errors';

export interface RetryPolicy {
  /** Attempts of one run before the delivery is parked as `retries_exhausted`. */
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  readonly random: () => number;
}

export const maxRetryDelayMs = 3_600_000;

/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so
 * deliveries that failed together (an upstream outage) do not all come back at once.
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failedAttempt - 1, 30));
  return Math.round(exponential / 2 + (policy.random() * exponential) / 2);
}

/**
 * Rule violations that mean "not yet" rather than "wrong": a resolve that arrived before the
 * ticket's opening, a payment before its invoice. Retried later, they converge once the earlier
 * delivery is processed.
 */
const notYet = /\.not_(opened|issued|started|captured|onboarded)$/;
const notYetCodes: ReadonlySet<string> = new Set(['consultant.unknown']);

export interface FailureClass {
  readonly retryable: boolean;
  readonly code: string;
  readonly message: string;
}

/**
 * Upstream and conflict errors are transient. Other rule and validation errors mean the data is
 * wrong and retrying cannot help. Errors outside the AppError family (a store hiccup, a bug fixed
 * by the next deploy) are retried: parking them at once would need a person for a blip.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!isAppError(error)) return { retryable: true, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  const { kind, code, message } = error;
  if (kind === 'upstream' || kind === 'conflict') return { retryable: true, code, message };
  if (kind === 'rule' && (notYet.test(code) || notYetCodes.has(code))) return { retryable: true, code, message };
  return { retryable: false, code, message };
}
