import { type Client, createClient } from 'graphql-ws';
import { ProjectionAdvancedDocument } from '../gql/operations';
import type { Session } from './session';

/**
 * One graphql-ws connection per session: the cookie comes with the upgrade, the CSRF token in the
 * connection parameters. Reconnects by itself (the server restarting, the laptop sleeping).
 */
export function liveClient(session: Session): Client {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient({
    url: `${scheme}://${location.host}/graphql`,
    connectionParams: { csrfToken: session.csrfToken },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    lazy: true,
  });
}

/**
 * Calls `onAdvance` whenever read models move, at most once per `quietMs`: the dashboards refresh,
 * and a bulk load (the demo seed) does not have the page asking for everything continuously.
 */
export function onReadModelsAdvance(client: Client, onAdvance: () => void, quietMs = 1_000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return client.subscribe(
    { query: ProjectionAdvancedDocument.toString() },
    {
      next: () => {
        timer ??= setTimeout(() => {
          timer = null;
          onAdvance();
        }, quietMs);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
