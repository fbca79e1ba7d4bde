import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResult<T = any> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

const requestTimeoutMs = 30_000;

/** One GraphQL request over HTTP as any client sends it; `key` null sends no Authorization header. */
export async function graphqlCall<T = any>(baseUrl: string, key: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await response.text();
  const body = text === '' ? {} : (JSON.parse(text) as { data?: T | null; errors?: GraphQLFormattedError[] });
  return { status: response.status, ...body };
}

/** The data of a request that must succeed; throws with the errors otherwise. */
export async function graphqlData<T = any>(baseUrl: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphqlCall<T>(baseUrl, key, query, variables);
  if (result.status !== 200 || result.errors || !result.data) throw new Error(`GraphQL request failed (${result.status}): ${JSON.stringify(result.errors)}\n${query}`);
  return result.data;
}

export const errorCodesOf = (result: GraphQLResult) => (result.errors ?? []).map((error) => error.extensions?.code);
