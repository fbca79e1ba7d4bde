import { ToolError } from './tool-http';

export interface RetryPolicy {
  /** Tries per step, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, random: Math.random, sleep: realSleep };

/**
 * When a failed call may be tried again. `atMostOnce` calls (a Slack post: nothing to look up)
 * are only repeated when the tool said it did not act (429, 5xx, a refused connection), never
 * after a timeout, which may hide a success.
 */
export function mayRetry(error: unknown, atMostOnce: boolean): error is ToolError {
  if (!(error instanceof ToolError) || !error.retryable) return false;
  return !(atMostOnce && error.ambiguous);
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), capped; a `Retry-After`
 * from the tool is a floor, since calling earlier would only be refused again.
 */
export function backoffDelayMs(policy: RetryPolicy, failedAttempt: number, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = exponential / 2 + (policy.random() * exponential) / 2;
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Runs `call` until it succeeds, fails for good, or the attempts run out (the last error is thrown). */
export async function withRetries<T>(policy: RetryPolicy, call: () => Promise<T>, atMostOnce = false): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.maxAttempts || !mayRetry(error, atMostOnce)) throw error;
      await policy.sleep(backoffDelayMs(policy, attempt, error.retryAfterMs));
    }
  }
}
