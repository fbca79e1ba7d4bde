import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, getVariableValues, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { operationDepth } from './operation-depth';
import { operationWork } from './operation-work';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
  /**
   * Tokens a document may have: checked while parsing, before validation, whose cost grows faster
   * than the document (a 20,000-alias query held the event loop for over a second in validation).
   */
  readonly maxTokens?: number;
}

/**
 * A page of 200 events with every field costs about 2,400; dashboards stay well below. Every
 * operation in src/schema/__operations__ together is about 1,200 tokens.
 */
export const defaultQueryLimits: QueryLimits = { maxDepth: 12, maxComplexity: 5_000, maxTokens: 5_000 };

export const maxTokensOf = (limits: QueryLimits): number => limits.maxTokens ?? defaultQueryLimits.maxTokens!;

/** Fields (aliases and fragment expansions included) the complexity estimate walks before it gives up. */
const maxQueryNodes = 10_000;

const refused = (message: string, code: string, limit: number, actual: number) =>
  new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });

/** The errors that refuse an operation before it runs (HTTP and WebSocket alike); empty when it may run. */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): GraphQLError[] {
  const depth = operationDepth(document, operation);
  if (depth > limits.maxDepth) {
    return [refused(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, 'QUERY_TOO_DEEP', limits.maxDepth, depth)];
  }
  // Variables that do not coerce are left to execution, which reports them as BAD_USER_INPUT.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return [];
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: variables ?? {},
      maxQueryNodes,
      // type-graphql puts `complexity` into field extensions; other fields cost 1.
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // The estimate stopped at maxQueryNodes (an alias or fragment bomb): refused, never run unchecked.
    if (error instanceof GraphQLError) return [refused(`Query has more than ${maxQueryNodes} fields to estimate; the complexity limit is ${limits.maxComplexity}`, 'QUERY_TOO_COMPLEX', limits.maxComplexity, maxQueryNodes)];
    throw error;
  }
  // What the fields cause (replays, cache misses, scans), priced once per distinct key.
  const work = operationWork(schema, document, operation, variables ?? {});
  const total = complexity + work.cost;
  if (total > limits.maxComplexity) {
    const detail = work.cost > 0 ? ` (fields ${complexity}; ${work.asOfInstants} asOf instants, ${work.periods} periods, ${work.scanningPages} scanning events pages: ${work.cost})` : '';
    return [refused(`Query complexity ${total}${detail} exceeds the limit of ${limits.maxComplexity}`, 'QUERY_TOO_COMPLEX', limits.maxComplexity, total)];
  }
  return [];
}

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const admitted = new AdmittedOperations();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const key = admitted.keyOf(operation, request.variables);
          if (key !== null && admitted.has(document, key)) return;
          const [error] = operationLimitErrors(schema, document, operation, request.variables, limits);
          if (error) throw error;
          if (key !== null) admitted.add(document, key);
        },
      };
    },
  };
}

/**
 * Operations (document, operation name and variables) already found within the limits: a
 * dashboard asks the same document with the same variables again and again (its refreshes), and
 * estimating it costs more than serving a cached answer. Keyed by the parsed document, which the
 * server keeps and reuses for the same text; only admissions are kept (a refusal is worked out
 * again, so no error object is shared between requests). Bounded in all: past `maxBytes` of
 * remembered keys it forgets everything and starts again (many distinct documents, each with many
 * variable sets, cannot grow it).
 */
export class AdmittedOperations {
  private byDocument = new WeakMap<DocumentNode, Set<string>>();
  private heldBytes = 0;

  constructor(private readonly maxBytes = 4 * 2 ** 20) {}

  /** Null when the variables are not worth remembering: large ones (bodies go up to 1 MiB), or nested past what JSON can write. */
  keyOf(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | null {
    let written: string;
    try {
      written = JSON.stringify(variables ?? {});
    } catch {
      return null;
    }
    return written.length > maxRememberedVariables ? null : `${operation.name?.value ?? ''}\u0000${written}`;
  }

  has(document: DocumentNode, key: string): boolean {
    return this.byDocument.get(document)?.has(key) ?? false;
  }

  add(document: DocumentNode, key: string): void {
    const bytes = 2 * key.length;
    if (this.heldBytes + bytes > this.maxBytes) {
      this.byDocument = new WeakMap();
      this.heldBytes = 0;
    }
    let keys = this.byDocument.get(document);
    if (!keys) this.byDocument.set(document, (keys = new Set()));
    // Each document keeps its most recent admissions only: variables vary without end (periods, cursors).
    if (keys.size >= admittedPerDocument) {
      const oldest = keys.values().next().value!;
      keys.delete(oldest);
      this.heldBytes -= 2 * oldest.length;
    }
    keys.add(key);
    this.heldBytes += bytes;
  }

  /** About what the remembered keys take (UTF-16), for tests of the bound. */
  get bytes(): number {
    return this.heldBytes;
  }
}

const admittedPerDocument = 256;
/** Characters of JSON: a dashboard's variables are a period and a few options. */
const maxRememberedVariables = 4_096;
