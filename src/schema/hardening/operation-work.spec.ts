import { type GraphQLSchema, getOperationAST, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../build-schema';
import { defaultQueryLimits, operationLimitErrors, queryLimitsPlugin } from './query-limits';

const aliased = (count: number, field: (index: number) => string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join(' ')} }`;
const day = (index: number) => new Date(Date.UTC(2025, 0, 1 + index)).toISOString().slice(0, 10);
const revenue = (period: string, asOf = '') => `financialDashboard(period: ${period}${asOf}) { revenue { value { accrual { totalCents } } } }`;

describe('an operation priced by the work it causes, not by its field count', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });
  const codesOf = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    return operationLimitErrors(schema, document, getOperationAST(document)!, variables, defaultQueryLimits).map((error) => error.extensions.code);
  };

  it('refuses 1,000 aliased event(id) look-ups', () => {
    expect(codesOf(aliased(1_000, (index) => `event(id: "e-${index}") { id }`))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('lets a few hundred look-ups through', () => {
    expect(codesOf(aliased(100, (index) => `event(id: "e-${index}") { id type }`))).toEqual([]);
  });

  it('refuses aliases of one KPI over twenty distinct periods, each a miss of the KPI cache', () => {
    expect(codesOf(aliased(20, (index) => revenue(`{ from: "${day(index)}", to: "${day(index + 1)}" }`)))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('lets twenty aliases of one KPI over the same period through: one computation', () => {
    expect(codesOf(aliased(20, () => revenue('{ from: "2026-03-01", to: "2026-04-01" }')))).toEqual([]);
  });

  it('refuses three distinct asOf instants, each a replay of the log', () => {
    const asOf = (index: number) => `, asOf: "2026-0${index + 1}-01T00:00:00Z"`;
    expect(codesOf(aliased(3, (index) => revenue('{ from: "2026-03-01", to: "2026-04-01" }', asOf(index))))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts instants passed through variables too', () => {
    const query = 'query($a: DateTime, $b: DateTime, $c: DateTime) { x: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $a') + ' y: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $b') + ' z: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $c') + ' }';
    expect(codesOf(query, { a: '2026-01-01T00:00:00Z', b: '2026-02-01T00:00:00Z', c: '2026-03-01T00:00:00Z' })).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codesOf(query, { a: '2026-01-01T00:00:00Z', b: '2026-01-01T00:00:00Z', c: '2026-01-01T00:00:00Z' })).toEqual([]);
  });

  it('refuses six events pages whose filter makes the store scan, even of one event each', () => {
    expect(codesOf(aliased(6, (index) => `events(first: 1, filter: { correlationId: "c-${index}" }) { nodes { id } }`))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('lets six events pages the store filters by index through', () => {
    expect(codesOf(aliased(6, (index) => `events(first: 1, filter: { types: ["T${index}"] }) { nodes { id } }`))).toEqual([]);
  });

  it('prices aliases hidden in fragments like aliases written out', () => {
    const fragment = `fragment F on Query { ${aliased(20, (index) => revenue(`{ from: "${day(index)}", to: "${day(index + 1)}" }`)).slice(1, -1)} }`;
    expect(codesOf(`{ ...F } ${fragment}`)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('remembers a document admitted with its variables, and judges other variables afresh', async () => {
    const query = 'query($a: DateTime, $b: DateTime, $c: DateTime) { x: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $a') + ' y: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $b') + ' z: ' + revenue('{ from: "2026-03-01", to: "2026-04-01" }', ', asOf: $c') + ' }';
    const document = parse(query);
    const plugin = queryLimitsPlugin(defaultQueryLimits);
    const ask = async (variables: Record<string, unknown>) => {
      const hooks = (await plugin.requestDidStart!({} as never)) as { didResolveOperation(context: unknown): Promise<void> };
      return hooks.didResolveOperation({ schema, document, operation: getOperationAST(document)!, request: { variables } }).then(
        () => 'admitted',
        (error: { extensions: { code: string } }) => error.extensions.code,
      );
    };
    const sameInstant = { a: '2026-01-01T00:00:00Z', b: '2026-01-01T00:00:00Z', c: '2026-01-01T00:00:00Z' };
    const threeInstants = { a: '2026-01-01T00:00:00Z', b: '2026-02-01T00:00:00Z', c: '2026-03-01T00:00:00Z' };
    // Given the same document admitted with one set of variables
    expect(await ask(sameInstant)).toBe('admitted');
    expect(await ask(sameInstant)).toBe('admitted');
    // When other variables make it too costly, it is refused, every time it is asked
    expect(await ask(threeInstants)).toBe('QUERY_TOO_COMPLEX');
    expect(await ask(threeInstants)).toBe('QUERY_TOO_COMPLEX');
    // And the admitted variables stay admitted
    expect(await ask(sameInstant)).toBe('admitted');
  });
});
