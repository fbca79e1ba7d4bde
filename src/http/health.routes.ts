import { type Route, sendJson } from './http-server';
import { checkReadiness, type ReadinessDeps } from './readiness.check';

/**
 * `/healthz`: the process is alive (restart it otherwise). `/readyz`: it can serve — both stores
 * answer and every projection is within the lag threshold (send it traffic); 503 names each reason.
 */
export function healthRoutes(deps: ReadinessDeps): Route[] {
  const health: Route['handle'] = (_request, response) => sendJson(response, 200, { status: 'ok' });
  const readiness: Route['handle'] = async (_request, response) => {
    const { ready, ...detail } = await checkReadiness(deps);
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', ...detail });
  };
  // HEAD: load balancers and uptime checks that want the status only (Node sends no body for HEAD).
  return ['GET', 'HEAD'].flatMap((method) => [
    { method, path: '/healthz', handle: health },
    { method, path: '/readyz', handle: readiness },
  ]);
}
