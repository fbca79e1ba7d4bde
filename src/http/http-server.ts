import { routingPathOf } from './request-path';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { logger } from '../logging/logger';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface Route {
  readonly method: string;
  /** Exact path, or a prefix ending in `/*`. */
  readonly path: string;
  readonly handle: RouteHandler;
}

/** One finished exchange, for request logs and metrics. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** The request's path, as routed (normalised by `URL`, without the query); null when it was not a valid path. */
  readonly path: string | null;
  /** The matched route's path pattern (never the raw path, so labels stay few), or `unmatched`. */
  readonly route: string;
  readonly requestId: string;
  readonly durationSeconds: number;
}

export type ExchangeObserver = (exchange: Exchange) => void;

export interface RunningServer {
  readonly server: Server;
  /** Where a client on this machine reaches it (a wildcard bind is reached on loopback). */
  readonly url: string;
  /** What the socket is bound to, as the OS reports it: `0.0.0.0:4000` is every IPv4 interface. */
  readonly boundAddress: string;
  /**
   * Stops accepting connections and waits for in-flight requests to finish. Requests arriving on
   * kept-alive connections meanwhile get 503, and every response closes its connection, so
   * clients that keep sending cannot hold the server open.
   */
  close(): Promise<void>;
}

/**
 * How long a client may take to send a request. Without these, node waits 5 minutes for a body
 * dripping a byte at a time, so a few slow clients hold the server's connections.
 */
export interface HttpTimeouts {
  /** The whole request, headers and body; a client still sending after it gets 408 and is closed. */
  readonly requestTimeoutMs: number;
  /**
   * A connection with bytes waiting to be sent that takes none of them for this long (a client that
   * stopped reading an export or a WebSocket) is closed. A connection idle or waiting for an answer
   * being computed has nothing waiting, and is not concerned.
   */
  readonly writeTimeoutMs?: number;
  /** On close, in-flight exchanges get this long to finish; every connection still open then is closed. */
  readonly shutdownGraceMs?: number;
}

export const defaultHttpTimeouts: HttpTimeouts = { requestTimeoutMs: 30_000, writeTimeoutMs: 30_000, shutdownGraceMs: 10_000 };

/** Headers are small: they get a third of the request's time, at most 10 s. */
const headersTimeoutOf = ({ requestTimeoutMs }: HttpTimeouts) => Math.min(10_000, Math.ceil(requestTimeoutMs / 3));

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

function pathMatches(route: Route, path: string): boolean {
  return route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
}

/** Node fails a request whose connection closed mid-body with an `ECONNRESET` "aborted" error: the client's doing. */
export const clientHungUp = (request: IncomingMessage, error: unknown): boolean => request.destroyed && (error as NodeJS.ErrnoException | null)?.code === 'ECONNRESET';


/** How much of an unread body is dropped after the answer, and for how long, before the connection is closed instead. */
export const unreadBodyLinger = { maxBytes: 16 * 1024 * 1024, maxMs: 5_000 };

/**
 * A handler that refused a body without reading it all (too large, unknown route, bad signature)
 * has answered while the client may still be sending: closing now would reset the connection and
 * the client would lose the answer. The rest is read and dropped instead — as nginx's lingering
 * close does — for at most `unreadBodyLinger.maxMs` and `maxBytes`, then the connection is closed.
 */
function discardUnreadBody(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  let dropped = 0;
  const close = () => request.socket.destroy();
  const timer = setTimeout(close, unreadBodyLinger.maxMs).unref();
  request.once('end', () => clearTimeout(timer));
  request.socket.once('close', () => clearTimeout(timer));
  request.removeAllListeners('data');
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > unreadBodyLinger.maxBytes) close();
  });
  request.resume();
}

const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && acceptableRequestId.test(given) ? given : randomUUID();
}

/** Paths remembered with their routes; any path beyond them is matched afresh (a client choosing paths cannot grow it). */
const rememberedPaths = 1_000;

/** The routes on a path, in the order given: the first with the request's method handles it. */
function routerOf(routes: readonly Route[]): (path: string) => readonly Route[] {
  const known = new Map<string, readonly Route[]>();
  return (path) => {
    let onPath = known.get(path);
    if (onPath === undefined) {
      onPath = routes.filter((candidate) => pathMatches(candidate, path));
      if (known.size < rememberedPaths) known.set(path, onPath);
    }
    return onPath;
  };
}

function dispatch(onPath: readonly Route[], path: string, request: IncomingMessage, response: ServerResponse): string {
  const route = onPath.find((candidate) => candidate.method === request.method);
  if (!route) {
    const known = onPath.length > 0;
    sendJson(response, known ? 405 : 404, { error: known ? `Method ${request.method} not allowed on ${path}` : `No route for ${path}` });
    return onPath[0]?.path ?? 'unmatched';
  }
  Promise.resolve(route.handle(request, response)).catch((error: unknown) => {
    const fields = { component: 'http', path, requestId: response.getHeader('x-request-id'), err: error };
    if (clientHungUp(request, error)) logger.warn(fields, 'the client closed the connection before the request body ended');
    else logger.error(fields, 'request failed');
    if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
    else response.destroy();
  });
  return route.path;
}

/** The open connections, and the requests being answered on each. */
interface Connections {
  readonly sockets: Set<Socket>;
  /** Called for every request: its connection is busy until its answer closes. */
  answering(request: IncomingMessage, response: ServerResponse): void;
}

/**
 * Every open socket (upgraded ones too: `server.close` waits for them). A socket times out after
 * `writeTimeoutMs` while a request is answered, and after node's keep-alive timeout between
 * requests; the server's `timeout` listener replaces node's default (destroy it) with narrower
 * rules: a connection whose client takes none of the bytes waiting for it is closed, so is an
 * idle keep-alive connection; one answering a long request, or an idle WebSocket, is kept.
 */
function trackSockets(server: Server, writeTimeoutMs: number): Connections {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  const upgraded = new WeakSet<Socket>();
  const onTimeout = (socket: Socket) => {
    if (socket.writableLength > 0) {
      logger.warn({ component: 'http', waitingBytes: socket.writableLength, writeTimeoutMs }, 'closing a connection whose client stopped reading');
      socket.destroy();
    } else if (!upgraded.has(socket) && !busy.has(socket)) socket.destroy();
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setTimeout(writeTimeoutMs);
    socket.on('timeout', () => onTimeout(socket));
  });
  // Handled above: without a listener node would destroy every socket idle that long.
  server.on('timeout', () => undefined);
  // WebSocket libraries switch the timeout off once they take the socket over: switch it back on.
  server.prependListener('upgrade', (_request: IncomingMessage, socket: Socket) => {
    upgraded.add(socket);
    setImmediate(() => socket.setTimeout(writeTimeoutMs));
  });
  const answering = (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    // Node switches the timeout off when a kept-alive connection's next request starts: on again.
    socket.setTimeout(writeTimeoutMs);
    response.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else busy.delete(socket);
    });
  };
  return { sockets, answering };
}

/** A plain `node:http` server with a tiny router; unknown errors are logged and answered 500 without detail. */
export function startHttpServer(
  routes: readonly Route[],
  port: number,
  host = '0.0.0.0',
  observers: readonly ExchangeObserver[] = [],
  timeouts: HttpTimeouts = defaultHttpTimeouts,
): Promise<RunningServer> {
  const routesOn = routerOf(routes);
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const headersTimeout = headersTimeoutOf(timeouts);
  // Expired requests are looked for at this interval (node's default, 30 s, would stretch every timeout).
  const limits = { requestTimeout: timeouts.requestTimeoutMs, headersTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) };
  const server: Server = createServer(limits, (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(request);
    response.setHeader('x-request-id', requestId);
    if (draining) response.setHeader('connection', 'close');
    inFlight.add(response);
    const routing = routingPathOf(request.url);
    const path = 'path' in routing ? routing.path : null;
    let route = 'unmatched';
    connections.answering(request, response);
    response.once('finish', () => discardUnreadBody(request));
    response.once('close', () => {
      inFlight.delete(response);
      const exchange = { request, response, path, route, requestId, durationSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
      for (const observe of observers) observe(exchange);
    });
    if (draining) return sendJson(response, 503, { error: 'The server is shutting down' });
    if ('refused' in routing) return sendJson(response, 400, { error: routing.refused });
    route = dispatch(routesOn(routing.path), routing.path, request, response);
  });
  const connections = trackSockets(server, timeouts.writeTimeoutMs ?? defaultHttpTimeouts.writeTimeoutMs!);
  const { sockets } = connections;
  const close = () =>
    new Promise<void>((done) => {
      draining = true;
      for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
      // A client that stopped reading (an export, a WebSocket) would hold the stop forever.
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, timeouts.shutdownGraceMs ?? defaultHttpTimeouts.shutdownGraceMs!);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        done();
      });
      server.closeIdleConnections();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { address, port: actualPort, family } = server.address() as AddressInfo;
      const v6 = family === 'IPv6' || family === (6 as unknown as string);
      resolve({ server, url: `http://${reachableHost(address, v6)}:${actualPort}`, boundAddress: `${v6 ? `[${address}]` : address}:${actualPort}`, close });
    });
  });
}

/** A wildcard address cannot be dialled: a local client uses loopback instead. */
function reachableHost(address: string, v6: boolean): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return v6 ? `[${address}]` : address;
}
