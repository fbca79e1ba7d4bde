import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { isAppError } from '../../core/errors';
import { type Route, sendJson } from '../../http/http-server';
import { requireRole } from '../auth/roles';
import { codeOfKind } from '../error-mapping';
import { chunked } from '../../core/deadline';
import { matchesCriteria, storeFilterOf } from '../events/event-criteria';
import { assertMayAskFor, mayRead } from '../events/event-visibility';
import { toEventJson } from '../events/event.type';
import { type ContextDeps, correlationIdOf, principalOf, sendUnauthenticated } from '../http/request-context';
import { sendRateLimited } from '../hardening/key-rate-limiter';
import { criteriaOfQuery } from './export-query';

export const eventsExportPath = '/export/events.ndjson';

/** Resolves when the socket can take more, or when the client went away (never hangs on a dead client). */
async function drained(response: ServerResponse): Promise<void> {
  const abort = new AbortController();
  await Promise.race([once(response, 'drain', { signal: abort.signal }), once(response, 'close', { signal: abort.signal })]).catch(() => undefined);
  abort.abort();
}

/**
 * `GET /export/events.ndjson?types=&categories=&streams=&from=&to=&correlationId=`: the log, one
 * event per line, with the filters of the `events` query (VIEWER key). Streams as it reads: the
 * store is iterated lazily and writing waits for `drain`, so memory stays flat on any log size.
 */
export function eventsExportRoute(deps: ContextDeps): Route {
  return {
    method: 'GET',
    path: eventsExportPath,
    async handle(request, response) {
      const correlationId = correlationIdOf(request.headers);
      let criteria;
      let principal;
      try {
        principal = requireRole(principalOf(request.headers, deps), 'VIEWER', 'The export');
        criteria = criteriaOfQuery(new URL(request.url ?? '/', 'http://localhost').searchParams);
        assertMayAskFor(principal, criteria, 'Exporting');
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.kind === 'unauthorized') return sendUnauthenticated(response, error, correlationId);
        const status = error.kind === 'forbidden' ? 403 : 400;
        return sendJson(response, status, { errors: [{ message: error.message, extensions: { code: codeOfKind[error.kind], reason: error.code } }] });
      }
      const limiter = deps.platform.rateLimiter;
      if (!limiter.take(principal.keyId)) return sendRateLimited(response, limiter);
      response.once('close', await limiter.enter(principal.keyId));
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-correlation-id': correlationId });
      // Chunked: a long export lets the event loop serve everything else between chunks.
      for await (const event of chunked(deps.services.eventStore.readAll(storeFilterOf(criteria)))) {
        if (response.destroyed) break;
        if (!matchesCriteria(event, criteria) || !mayRead(principal, event)) continue;
        if (!response.write(`${toEventJson(event, 'client')}\n`)) await drained(response);
      }
      response.end();
    },
  };
}
