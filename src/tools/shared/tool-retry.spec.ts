import { describe, expect, it } from 'vitest';
import { ToolError, type ToolFailure } from './tool-http';
import { backoffDelayMs, withRetries, type RetryPolicy } from './tool-retry';

const toolError = (failure: ToolFailure, retryable: boolean, ambiguous = false, retryAfterMs: number | null = null) =>
  new ToolError({ tool: 'plane', failure, status: retryable ? 503 : 400, toolMessage: failure, retryable, ambiguous, retryAfterMs });

function policy(delays: number[] = []): RetryPolicy {
  return { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5, sleep: async (ms) => void delays.push(ms) };
}

function failing(errors: Error[]): () => Promise<string> {
  let call = 0;
  return async () => {
    const error = errors[call++];
    if (error) throw error;
    return 'done';
  };
}

describe('retries', () => {
  it('backs off exponentially with jitter, capped', () => {
    const fixed = policy();
    expect([1, 2, 3, 6].map((attempt) => backoffDelayMs(fixed, attempt, null))).toEqual([75, 150, 300, 750]);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelayMs(policy(), 1, 3_000)).toBe(3_000);
  });

  it('retries a retryable failure and returns the later success', async () => {
    const delays: number[] = [];
    await expect(withRetries(policy(delays), failing([toolError('unavailable', true), toolError('rate_limited', true, false, 2_000)]))).resolves.toBe('done');
    expect(delays).toEqual([75, 2_000]);
  });

  it('does not retry a rejection', async () => {
    const delays: number[] = [];
    await expect(withRetries(policy(delays), failing([toolError('rejected', false)]))).rejects.toMatchObject({ failure: 'rejected' });
    expect(delays).toEqual([]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const errors = [1, 2, 3, 4].map(() => toolError('unavailable', true));
    await expect(withRetries(policy(), failing(errors))).rejects.toBe(errors[3]);
  });

  it('never repeats an at-most-once call after a timeout, which may hide a success', async () => {
    const delays: number[] = [];
    await expect(withRetries(policy(delays), failing([toolError('timeout', true, true)]), true)).rejects.toMatchObject({ failure: 'timeout' });
    expect(delays).toEqual([]);
  });
});
