import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { Session } from './session';

export interface GraphQLErrorShape {
  readonly message: string;
  readonly extensions?: { code?: string };
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly codes: readonly string[],
  ) {
    super(message);
  }

  get unauthenticated(): boolean {
    return this.status === 401;
  }
}

export type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/** Runs an operation with the session cookie and its CSRF token; throws GraphQLRequestError on any error. */
export async function request<R, V>(session: Session, document: Document<R, V>, variables: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-zixly-csrf': session.csrfToken },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: R; errors?: GraphQLErrorShape[] };
  if (body.errors?.length || !body.data) {
    const errors = body.errors ?? [{ message: `HTTP ${response.status}` }];
    throw new GraphQLRequestError(errors.map((error) => error.message).join('; '), response.status, errors.map((error) => error.extensions?.code ?? ''));
  }
  return body.data;
}

/** Downloads the NDJSON export of the events matching `query` (same filters as the events query). */
export async function downloadExport(session: Session, query: URLSearchParams, fileName: string): Promise<number> {
  const response = await fetch(`/export/events.ndjson?${query}`, { credentials: 'same-origin', headers: { 'x-zixly-csrf': session.csrfToken } });
  if (!response.ok) throw new GraphQLRequestError(`Export failed (HTTP ${response.status})`, response.status, []);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return blob.size;
}
