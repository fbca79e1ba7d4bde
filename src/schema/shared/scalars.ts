import 'reflect-metadata';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONObjectResolver, JSONResolver } from 'graphql-scalars';

const digits = /^(0|[1-9][0-9]*)$/;

function toBigInt(value: unknown): bigint {
  if (typeof value === 'string' && digits.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw new GraphQLError(`BigInt must be a non-negative whole number as a decimal string, got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * Store positions and stream revisions are 64-bit: JSON numbers lose precision above 2^53, so they
 * travel as decimal strings and arrive in resolvers as `bigint`.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description: 'A non-negative 64-bit integer (event position, stream revision) as a decimal string.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    return toBigInt(value).toString();
  },
  parseValue: toBigInt,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return toBigInt(ast.value);
    throw new GraphQLError('BigInt must be given as a string of digits', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
  },
});

export { DateTimeResolver as DateTimeScalar, JSONObjectResolver as JSONObjectScalar, JSONResolver as JSONScalar };
export { SafeIntResolver as SafeIntScalar } from 'graphql-scalars';
