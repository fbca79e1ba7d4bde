import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, getNamedType, isNonNullType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..', '..');
const schemaText = readFileSync(join(repo, 'schema.graphql'), 'utf8');
const compiler = join(repo, 'node_modules', 'relay-compiler', 'cli.js');
const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection');

/** Each required argument other than paging, passed as a variable of its own type: the compiler checks types, not data. */
function requiredArguments(field: GraphQLField<unknown, unknown>): { variables: string; args: string } {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && arg.name !== 'first');
  return {
    variables: required.length === 0 ? '' : `(${required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})`,
    args: required.map((arg) => `${arg.name}: $${arg.name}`).join(', '),
  };
}

const selection = (key: string) => `@connection(key: "${key}") { edges { cursor node { __typename } } nodes { __typename } pageInfo { hasNextPage endCursor } }`;

/** One query per connection: every root list, and every connection field of what a root field returns by id. */
function connectionQueries(schema: GraphQLSchema): Map<string, string> {
  const queries = new Map<string, string>();
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const name = field.name[0]!.toUpperCase() + field.name.slice(1);
    const { variables, args } = requiredArguments(field);
    if (isConnection(field)) {
      queries.set(field.name, `query RelayLists${name}Query${variables} { ${field.name}(first: 10${args ? `, ${args}` : ''}) ${selection(`RelayLists_${field.name}`)} }`);
      continue;
    }
    const type = getNamedType(field.type) as GraphQLObjectType;
    if (!('getFields' in type) || !field.args.some((arg) => arg.name === 'id')) continue;
    for (const nested of Object.values(type.getFields()).filter(isConnection)) {
      const key = `${field.name}.${nested.name}`;
      queries.set(key, `query RelayLists${name}${nested.name[0]!.toUpperCase()}${nested.name.slice(1)}Query${variables} { ${field.name}(${args}) { ${nested.name}(first: 10) ${selection(`RelayLists_${nested.name}`)} } }`);
    }
  }
  return queries;
}

describe('the schema under a real Relay toolchain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zixly-relay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles @connection on every list with relay-compiler', () => {
    const queries = connectionQueries(buildSchema(schemaText));
    // Every root list and each entity's history.
    expect([...queries.keys()]).toEqual(expect.arrayContaining(['invoices', 'clients', 'consultants', 'projects', 'timeEntries', 'expenses', 'leads', 'campaigns', 'tickets', 'events', 'stream', 'parkedDeliveries', 'invoice.history']));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'schema.graphql'), schemaText);
    writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript' }));
    const documents = [...queries.values()].map((query) => `export const ${/query (\w+)/.exec(query)![1]} = graphql\`${query}\`;`);
    writeFileSync(join(dir, 'src', 'RelayLists.ts'), `declare const graphql: (strings: TemplateStringsArray) => unknown;\n${documents.join('\n')}\n`);

    const run = spawnSync(process.execPath, [compiler], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const artifacts = readdirSync(join(dir, 'src', '__generated__'));
    expect(artifacts).toHaveLength(queries.size);
    expect(existsSync(join(dir, 'src', '__generated__', 'RelayListsInvoicesQuery.graphql.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'src', '__generated__', 'RelayListsInvoicesQuery.graphql.ts'), 'utf8')).toContain('"RelayLists_invoices"');
  });
});
