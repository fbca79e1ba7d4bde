import { logger } from '../logging/logger';
import type { Exchange } from './http-server';

/** Probes every few seconds would drown the log: they are logged at debug level. */
const probeRoutes = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per request with its request id and correlation id (chosen by the client with
 * `x-correlation-id` or given by the API, which sends it back in the same header).
 */
export function logExchange({ request, response, path, route, requestId, durationSeconds }: Exchange): void {
  const status = response.writableFinished ? response.statusCode : null;
  const fields = {
    component: 'http',
    requestId,
    correlationId: response.getHeader('x-correlation-id') ?? request.headers['x-correlation-id'] ?? null,
    method: request.method,
    path,
    route,
    status,
    durationMs: Math.round(durationSeconds * 10_000) / 10,
  };
  if (status === null) logger.warn(fields, 'request aborted by the client');
  else if (probeRoutes.has(route)) logger.debug(fields, 'request');
  else if (status === 503) logger.warn(fields, 'request refused: unavailable');
  else if (status >= 500) logger.error(fields, 'request failed');
  else logger.info(fields, 'request');
}
