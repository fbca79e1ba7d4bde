import type { Route } from '../http/http-server';
import type { AppMetrics } from './app-metrics';

/** `GET /metrics` in the Prometheus text format. Unauthenticated, like the probes: keep the port internal. */
export function metricsRoute(metrics: AppMetrics): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(_request, response) {
      const body = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(body) });
      response.end(body);
    },
  };
}
