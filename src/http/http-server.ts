import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface Route {
  readonly method: string;
  /** Exact path, or a prefix ending in `/*`. */
  readonly path: string;
  readonly handle: RouteHandler;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  /** Stops accepting connections and waits for in-flight requests to finish. */
  close(): Promise<void>;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

function pathMatches(route: Route, path: string): boolean {
  return route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
}

/** A plain `node:http` server with a tiny router; unknown errors are logged and answered 500 without detail. */
export function startHttpServer(routes: readonly Route[], port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const onPath = routes.filter((candidate) => pathMatches(candidate, path));
    const route = onPath.find((candidate) => candidate.method === request.method);
    if (!route) {
      const known = onPath.length > 0;
      sendJson(response, known ? 405 : 404, { error: known ? `Method ${request.method} not allowed on ${path}` : `No route for ${path}` });
      return;
    }
    Promise.resolve(route.handle(request, response)).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', msg: 'request failed', path, error: String(error), stack: (error as Error)?.stack }));
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actualPort } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
