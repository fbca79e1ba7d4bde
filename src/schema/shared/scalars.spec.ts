import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BigIntScalar } from './scalars';

describe('the BigInt scalar (positions and revisions)', () => {
  it('travels as a decimal string, beyond what a JSON number holds', () => {
    expect(BigIntScalar.serialize(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(BigIntScalar.parseValue('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(BigIntScalar.parseLiteral({ kind: Kind.STRING, value: '42' }, {})).toBe(42n);
  });

  it.each(['-1', '1.5', 'abc', '', '01'])('refuses %j', (value) => {
    expect(() => BigIntScalar.parseValue(value)).toThrow(/BigInt must be a non-negative whole number/);
  });
});
