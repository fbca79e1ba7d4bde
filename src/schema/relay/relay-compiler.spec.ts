import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, getNamedType, getNullableType, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
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

const capitalised = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/**
 * Per Node type: a fragment Relay can refetch by `node(id)` (@refetchable), and for each of its
 * connections a pagination fragment (@refetchable + @connection, what usePaginationFragment needs).
 */
function nodeDocuments(schema: GraphQLSchema): Map<string, string> {
  const documents = new Map<string, string>();
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) return documents;
  for (const type of schema.getPossibleTypes(node)) {
    documents.set(type.name, `fragment RelayNode_${type.name.toLowerCase()} on ${type.name} @refetchable(queryName: "RelayNode${type.name}RefetchQuery") { id __typename }`);
    for (const field of Object.values(type.getFields()).filter(isConnection)) {
      const name = `RelayNode${type.name}${capitalised(field.name)}`;
      documents.set(
        `${type.name}.${field.name}`,
        `fragment ${name}_${type.name.toLowerCase()} on ${type.name} @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) @refetchable(queryName: "${name}PaginationQuery") { ${field.name}(first: $count, after: $cursor) @connection(key: "${name}_${field.name}") { edges { node { __typename } } } }`,
      );
    }
  }
  const spreads = [...documents.values()].map((fragment) => /fragment (\w+) on (\w+)/.exec(fragment)!).map(([, fragment, type]) => `... on ${type} { ...${fragment} }`);
  documents.set('node', `query RelayNodeQuery($id: ID!) { node(id: $id) { id __typename ${spreads.join(' ')} } }`);
  return documents;
}

/** Fields that return a list, other than connections' own `edges` and `nodes` and Relay's `nodes(ids)`. */
function listsOutsideConnections(schema: GraphQLSchema): { root: string[]; ofNodes: string[] } {
  const node = schema.getType('Node');
  const implementsNode = (type: unknown) => isInterfaceType(node) && (type === node || (isObjectType(type) && type.getInterfaces().includes(node)));
  const isList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type));
  const root = Object.values(schema.getQueryType()!.getFields()).filter((field) => isList(field) && field.name !== 'nodes').map((field) => field.name);
  const ofNodes = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !type.name.endsWith('Connection') && type !== schema.getQueryType())
    .flatMap((type) => Object.values(type.getFields()).filter((field) => isList(field) && implementsNode(getNamedType(field.type))).map((field) => `${type.name}.${field.name}`));
  return { root, ofNodes };
}

describe('the schema under a real Relay toolchain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zixly-relay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no list outside a connection: none at the root (but nodes(ids)), none of Node objects anywhere', () => {
    expect(listsOutsideConnections(buildSchema(schemaText))).toEqual({ root: [], ofNodes: [] });
  });

  it('compiles @connection on every list and a node(id) refetch of every Node type with relay-compiler', () => {
    const schema = buildSchema(schemaText);
    const queries = connectionQueries(schema);
    const nodes = nodeDocuments(schema);
    // Every root list, each entity's history and an invoice's payments; every Node type and its connections.
    expect([...queries.keys()]).toEqual(
      expect.arrayContaining(['invoices', 'clients', 'consultants', 'projects', 'timeEntries', 'expenses', 'leads', 'campaigns', 'tickets', 'events', 'stream', 'parkedDeliveries', 'workflowRuns', 'apiKeys', 'projections', 'clientIdentities', 'toolsCheck', 'invoice.history', 'invoice.payments']),
    );
    expect([...nodes.keys()]).toEqual(expect.arrayContaining(['Invoice', 'Payment', 'Event', 'WorkflowRun', 'ApiKey', 'ClientIdentity', 'ParkedDelivery', 'Invoice.payments', 'Client.history', 'node']));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'schema.graphql'), schemaText);
    writeFileSync(join(dir, 'relay.config.json'), JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript' }));
    // relay-compiler wants each document named after its module: one module for the lists, one for the nodes.
    const moduleOf = (documents: Iterable<string>) =>
      `declare const graphql: (strings: TemplateStringsArray) => unknown;\n${[...documents].map((document) => `export const ${/(?:query|fragment) (\w+)/.exec(document)![1]} = graphql\`${document}\`;`).join('\n')}\n`;
    writeFileSync(join(dir, 'src', 'RelayLists.ts'), moduleOf(queries.values()));
    writeFileSync(join(dir, 'src', 'RelayNode.ts'), moduleOf(nodes.values()));

    const run = spawnSync(process.execPath, [compiler], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const artifacts = readdirSync(join(dir, 'src', '__generated__'));
    for (const query of queries.values()) expect(artifacts).toContain(`${/query (\w+)/.exec(query)![1]}.graphql.ts`);
    for (const [key, fragment] of nodes) {
      const name = /(?:query|fragment) (\w+)/.exec(fragment)![1]!;
      expect(artifacts, key).toContain(`${name}.graphql.ts`);
      const refetch = /queryName: "(\w+)"/.exec(fragment)?.[1];
      if (refetch) expect(readFileSync(join(dir, 'src', '__generated__', `${refetch}.graphql.ts`), 'utf8'), key).toContain('"node"');
    }
    expect(readFileSync(join(dir, 'src', '__generated__', 'RelayListsInvoicesQuery.graphql.ts'), 'utf8')).toContain('"RelayLists_invoices"');
    expect(readFileSync(join(dir, 'src', '__generated__', 'RelayNodeInvoicePaymentsPaginationQuery.graphql.ts'), 'utf8')).toContain('"RelayNodeInvoicePayments_payments"');
  });
});
