import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../logging/logger';
import { TestApi } from '../testing/api-harness';

describe('request logs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('writes one JSON line per request with its request id, correlation id, route, status and duration', async () => {
    const logs = captureLogs('info');
    let response: Response;
    try {
      response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-log-1', 'x-request-id': 'req-log-1', ...api.authorization() },
        body: JSON.stringify({ query: '{ projections { nodes { name } } }' }),
      });
      await response.text();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      logs.restore();
    }

    expect(response.headers.get('x-request-id')).toBe('req-log-1');
    expect(logs.entries()).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        component: 'http',
        requestId: 'req-log-1',
        correlationId: 'corr-log-1',
        method: 'POST',
        route: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
      }),
    );
  });

  it('gives a request without an id a fresh one, and logs probes only at debug level', async () => {
    const logs = captureLogs('debug');
    let requestId: string | null;
    try {
      const response = await fetch(`${api.url}/healthz`);
      requestId = response.headers.get('x-request-id');
      await response.text();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      logs.restore();
    }

    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.entries().map(({ level, route, requestId: id }) => ({ level, route, id }))).toEqual([{ level: 'debug', route: '/healthz', id: requestId }]);
  });

  it('logs a client that hangs up mid-body as a warning, not as a failed request', async () => {
    // Given a GraphQL request that announces more body than it sends
    const logs = captureLogs('debug');
    try {
      const body = JSON.stringify({ query: '{ projections { nodes { name } } }' });
      const { hostname, port } = new URL(api.url);
      const socket = connect(Number(port), hostname, () => {
        const headers = { 'content-type': 'application/json', 'content-length': String(body.length + 4_000), ...api.authorization() };
        socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`);
        // When the client closes the connection halfway
        socket.write(body, () => socket.destroy());
      });
      socket.on('error', () => undefined);

      // Then a warning says so, and nothing is logged as an error
      await vi.waitFor(() => expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'the client closed the connection before the request body ended', path: '/graphql' })), { timeout: 10_000 });
      expect(logs.entries().filter((entry) => entry.level === 'error')).toEqual([]);
    } finally {
      logs.restore();
    }
  });
});
