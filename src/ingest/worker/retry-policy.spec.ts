import { describe, expect, it } from 'vitest';
import { ConcurrencyError, DomainRuleError, UpstreamError, ValidationError } from '../../core/errors';
import { classifyFailure, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  const policy = (random: number) => ({ maxAttempts: 10, baseMs: 1_000, capMs: 60_000, random: () => random });

  it('doubles the delay per attempt with half of it jittered, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy(0), attempt))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy(1), attempt))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(policy(1), 40)).toBe(60_000);
  });

  it('retries upstream and conflict errors, and rule violations that mean "not yet"', () => {
    const retryable = [
      new UpstreamError('xero.unavailable', 'down'),
      new ConcurrencyError('Ticket-1', '3', 4n),
      ...['ticket.not_opened', 'invoice.not_issued', 'project.not_started', 'lead.not_captured', 'client.not_onboarded', 'consultant.unknown'].map(
        (code) => new DomainRuleError(code, code),
      ),
      new Error('socket hang up'),
    ];
    expect(retryable.map((error) => classifyFailure(error).retryable)).toEqual(retryable.map(() => true));
  });

  it('does not retry rule violations and validation errors that mean the data is wrong', () => {
    const wrong = [new DomainRuleError('invoice.overpayment', 'too much'), new DomainRuleError('ticket.already_opened', 'x'), new ValidationError('input.required', 'x')];
    expect(wrong.map((error) => classifyFailure(error))).toEqual([
      { retryable: false, code: 'invoice.overpayment', message: 'too much' },
      { retryable: false, code: 'ticket.already_opened', message: 'x' },
      { retryable: false, code: 'input.required', message: 'x' },
    ]);
  });
});
