import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConcurrencyError, DomainRuleError, ForbiddenError, NotFoundError, UnauthorizedError, UpstreamError, ValidationError } from '../core/errors';
import { formatError, withCorrelationId } from './error-mapping';

/** As Apollo hands a resolver's error to formatError: wrapped in a located GraphQLError. */
function format(thrown: Error) {
  const located = new GraphQLError(thrown.message, { path: ['field'], originalError: thrown });
  return formatError({ message: located.message, path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located);
}

describe('error mapping at the GraphQL edge', () => {
  it.each([
    [new ValidationError('input.bad', 'bad input'), 'BAD_USER_INPUT'],
    [new DomainRuleError('invoice.overpayment', 'too much'), 'RULE_VIOLATION'],
    [new NotFoundError('invoice.not_found', 'no invoice'), 'NOT_FOUND'],
    [new ConcurrencyError('Invoice-1', '3', 4n), 'CONFLICT'],
    [new UnauthorizedError('auth.invalid_key', 'who?'), 'UNAUTHENTICATED'],
    [new ForbiddenError('auth.role_too_low', 'no'), 'FORBIDDEN'],
    [new UpstreamError('event_store.unavailable', 'down'), 'SERVICE_UNAVAILABLE'],
  ])('maps %s to %s with its stable code as reason', (error, code) => {
    expect(format(error)).toMatchObject({ message: error.message, path: ['field'], extensions: { code, reason: error.code } });
  });

  it('names the broken rule of a RULE_VIOLATION', () => {
    expect(format(new DomainRuleError('invoice.overpayment', 'too much')).extensions).toEqual({
      code: 'RULE_VIOLATION',
      reason: 'invoice.overpayment',
      rule: 'invoice.overpayment',
    });
  });

  it('lists the field of a validation error', () => {
    const formatted = format(new ValidationError('input.invalid_instant', 'occurredAt must be an instant', { field: 'occurredAt' }));
    expect(formatted.extensions?.fields).toEqual([{ field: 'occurredAt', messages: ['occurredAt must be an instant'] }]);
  });

  it('masks anything else, and names the correlation id once the request is known', () => {
    const formatted = format(new TypeError("Cannot read properties of undefined (reading 'cents')"));
    expect(formatted).toEqual({ message: 'Internal error', path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(withCorrelationId(formatted, 'c-1')).toMatchObject({ message: 'Internal error (correlation id c-1)', extensions: { correlationId: 'c-1' } });
  });
});
