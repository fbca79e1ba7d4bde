import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AdmittedOperations, defaultQueryLimits, operationLimitErrors } from './query-limits';

const schema = buildSchema(`
  type Client { name: String  projects: [Project]  }
  type Project { name: String  client: Client }
  type Query { client: Client }
`);

function errorsOf(query: string) {
  const document = parse(query);
  return operationLimitErrors(schema, document, getOperationAST(document)!, {}, defaultQueryLimits).map((error) => error.message);
}

/** `{ client { projects { client { … name } } } }` with `depth` levels of fields. */
function nested(depth: number): string {
  const fields = Array.from({ length: depth - 1 }, (_, level) => (level % 2 === 0 ? 'client' : 'projects'));
  return `{ ${fields.join(' { ')} { name }${' }'.repeat(depth - 2)} }`;
}

describe('operation limits', () => {
  it('refuses an operation deeper than 12 levels, naming its depth', () => {
    expect(errorsOf(nested(15))).toEqual(['Query depth 15 exceeds the limit of 12']);
  });

  it('accepts an operation exactly 12 levels deep', () => {
    expect(errorsOf(nested(12))).toEqual([]);
  });

  it('counts depth through fragments and ignores introspection fields', () => {
    const viaFragments = `query { ...C } fragment C on Query { ${nested(13).slice(1, -1)} }`;
    expect(errorsOf(viaFragments)).toEqual(['Query depth 13 exceeds the limit of 12']);
    expect(errorsOf('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }')).toEqual([]);
  });

  it('measures a fragment bomb (each fragment spreading the previous one twice, 30 deep) without walking its 2^30 spreads', () => {
    const fragments = ['fragment F0 on Query { client { name } }', ...Array.from({ length: 30 }, (_, level) => `fragment F${level + 1} on Query { ...F${level} ...F${level} }`)];
    expect(errorsOf(`{ ...F30 } ${fragments.join(' ')}`)).toEqual(['Query has more than 10000 fields to estimate; the complexity limit is 5000']);
  });

  it('refuses an alias bomb too large to estimate instead of letting it run unchecked', () => {
    const aliases = Array.from({ length: 6_000 }, (_, index) => `a${index}: client { name }`).join(' ');
    expect(errorsOf(`{ ${aliases} }`)).toEqual(['Query has more than 10000 fields to estimate; the complexity limit is 5000']);
  });

  it('remembers admitted operations within a bound, however many documents and variables it is shown', () => {
    const admitted = new AdmittedOperations(64 * 1024);
    const operation = getOperationAST(parse('query Q($n: Int) { client { name } }'))!;
    // Given 200 distinct documents, each admitted with 300 distinct variable sets of about 1 KB
    let peak = 0;
    for (let d = 0; d < 200; d++) {
      const document = parse(`query Q($n: Int) { client { name } } # ${d}`);
      for (let v = 0; v < 300; v++) {
        const key = admitted.keyOf(operation, { n: v, pad: 'x'.repeat(1_000) })!;
        admitted.add(document, key);
        peak = Math.max(peak, admitted.bytes);
      }
      // Then the latest admission of each document is still remembered
      expect(admitted.has(document, admitted.keyOf(operation, { n: 299, pad: 'x'.repeat(1_000) })!)).toBe(true);
    }
    // And what it holds never went past its bound
    expect(peak).toBeLessThanOrEqual(64 * 1024);
  });

  it('remembers nothing for variables JSON cannot write or too large to be worth it', () => {
    const admitted = new AdmittedOperations();
    const operation = getOperationAST(parse('{ client { name } }'))!;
    let nested: Record<string, unknown> = {};
    for (let level = 0; level < 100_000; level++) nested = { inner: nested };
    expect(admitted.keyOf(operation, nested)).toBeNull();
    expect(admitted.keyOf(operation, { text: 'x'.repeat(5_000) })).toBeNull();
    expect(admitted.keyOf(operation, { period: { from: '2026-01-01', to: '2026-02-01' } })).not.toBeNull();
  });
});
