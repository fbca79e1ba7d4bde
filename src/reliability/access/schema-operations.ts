import { type GraphQLField, type GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Role } from '../../schema/context';

/** One root field as a client would call it: a document and variables that pass validation and coercion. */
export interface RootOperation {
  readonly kind: 'query' | 'mutation';
  readonly name: string;
  readonly document: string;
  readonly variables: Record<string, unknown>;
  /** The lowest role allowed: as declared with @Authorized, and at least EDITOR for any mutation. */
  readonly role: Role;
}

const scalarSamples: Readonly<Record<string, unknown>> = { String: 'x', ID: 'x', Int: 1, SafeInt: 1, Float: 1, Boolean: true, DateTime: '2026-05-01T00:00:00.000Z', BigInt: '1', JSONObject: {} };

/** A value of the input type with only its required fields, each the simplest its type allows. */
export function sampleInput(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType);
  if (isListType(type)) return [sampleInput(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleInput(field.type)]));
  }
  if (isScalarType(type) && type.name in scalarSamples) return scalarSamples[type.name];
  throw new Error(`no sample for the input type ${String(type)}: add one to scalarSamples`);
}

const roleOrder: readonly Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];

/** The roles @Authorized declares on the resolver method (or its class) behind a root field. */
function declaredRole(kind: 'query' | 'mutation', name: string): Role {
  const storage = getMetadataStorage();
  const resolver = (kind === 'query' ? storage.queries : storage.mutations).find((entry) => entry.schemaName === name);
  const field = storage.authorizedFields.find((entry) => entry.target === resolver?.target && entry.fieldName === resolver?.methodName);
  const roles = (field ?? storage.authorizedResolver.find((entry) => entry.target === resolver?.target))?.roles ?? [];
  return roleOrder.find((role) => roles.includes(role)) ?? 'VIEWER';
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): RootOperation {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) ? ' { __typename }' : '';
  const document = `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  const declared = declaredRole(kind, field.name);
  const role = kind === 'mutation' && declared === 'VIEWER' ? 'EDITOR' : declared;
  return { kind, name: field.name, document, variables: Object.fromEntries(required.map((arg) => [arg.name, sampleInput(arg.type)])), role };
}

/** Every query and mutation of the schema, so a field added tomorrow is covered by the same checks. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => operationOf('mutation', field));
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => operationOf('query', field));
  return [...mutations, ...queries];
}
