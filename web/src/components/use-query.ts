import { useEffect, useState } from 'react';
import { type Document, GraphQLRequestError, request } from '../api/graphql';
import { useApp } from './app-context';

export interface QueryState<R> {
  readonly data: R | null;
  readonly error: string | null;
  readonly loading: boolean;
}

/**
 * Runs an operation when its variables change, and again (keeping the shown data) when read
 * models advance, unless `live` is false (as-of views never change).
 */
export function useQuery<R, V>(document: Document<R, V>, variables: V, options: { live?: boolean; skip?: boolean } = {}): QueryState<R> & { reload(): void } {
  const { session, liveTick, signedOut } = useApp();
  const [state, setState] = useState<QueryState<R>>({ data: null, error: null, loading: true });
  const [reloads, setReloads] = useState(0);
  const key = JSON.stringify(variables);
  const tick = options.live === false ? 0 : liveTick;
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(session, document, variables)
      .then((data) => current && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof GraphQLRequestError && error.unauthenticated) return signedOut();
        setState((previous) => ({ data: previous.data, error: (error as Error).message, loading: false }));
      });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, tick, reloads, options.skip]);
  return { ...state, reload: () => setReloads((n) => n + 1) };
}
