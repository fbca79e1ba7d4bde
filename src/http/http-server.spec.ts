import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningLine } from '../cli/commands/server.command';
import { rawExchange } from '../testing/raw-http';
import { type Route, type RunningServer, startHttpServer } from './http-server';

const answering = (name: string) => (_request: unknown, response: { end(body: string): void }) => response.end(name);

describe('HTTP server', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('routes each request to the first route on its path with its method, however often the path comes', async () => {
    // Given a prefix route for GET and an exact route for POST under it
    const routes: Route[] = [
      { method: 'GET', path: '/things/*', handle: answering('any thing') },
      { method: 'POST', path: '/things/one', handle: answering('the one') },
    ];
    server = await startHttpServer(routes, 0, '127.0.0.1');

    // When the same path is asked with each method, twice
    const answers: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (const method of ['GET', 'POST', 'PUT']) {
        const response = await fetch(`${server.url}/things/one`, { method });
        answers.push(`${response.status} ${method === 'PUT' ? '' : await response.text()}`.trim());
      }
    }

    // Then GET takes the prefix route, POST the exact one, PUT is not allowed there, every time
    expect(answers).toEqual(['200 any thing', '200 the one', '405', '200 any thing', '200 the one', '405']);
  });

  it('answers 400 to a request target that is not a valid path, and keeps serving', async () => {
    server = await startHttpServer([{ method: 'GET', path: '/ok', handle: answering('ok') }], 0, '127.0.0.1');

    const malformed = await rawExchange(server.url, { head: 'GET // HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', guardMs: 10_000 });
    const next = await fetch(`${server.url}/ok`);

    expect(malformed.status).toBe(400);
    expect(await next.text()).toBe('ok');
  });

  it('refuses dot segments, plain or percent-encoded, instead of resolving them onto another route', async () => {
    // Given a public prefix and an internal route beside it
    const routes: Route[] = [
      { method: 'GET', path: '/webhooks/*', handle: answering('webhook') },
      { method: 'GET', path: '/metrics', handle: answering('metrics') },
    ];
    server = await startHttpServer(routes, 0, '127.0.0.1');

    // When paths climb out of the prefix in every spelling
    const targets = ['/webhooks/%2e%2e/metrics', '/webhooks/%2E%2e/metrics', '/webhooks/../metrics', '/webhooks/./../metrics', '/webhooks/.%2e/metrics', '/webhooks%2f..%2fmetrics', '/webhooks\\..\\metrics'];
    const answers: string[] = [];
    for (const target of targets) {
      const exchange = await rawExchange(server.url, { head: `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, guardMs: 10_000 });
      answers.push(`${exchange.status} ${exchange.text.endsWith('\r\n\r\nmetrics') ? 'leaked' : ''}`.trim());
    }

    // Then none reaches the internal route: each is refused with 400
    expect(answers).toEqual(targets.map(() => '400'));
  });

  it('routes a path with duplicate slashes as the path with single ones', async () => {
    server = await startHttpServer([{ method: 'GET', path: '/webhooks/plane', handle: answering('plane') }], 0, '127.0.0.1');

    const exchange = await rawExchange(server.url, { head: 'GET /webhooks//plane HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', guardMs: 10_000 });

    expect(exchange.status).toBe(200);
    expect(exchange.text.endsWith('\r\n\r\nplane')).toBe(true);
  });

  it('reports the address it is bound to next to the one a local client dials', async () => {
    server = await startHttpServer([], 0, '0.0.0.0');

    expect(server.boundAddress).toMatch(/^0\.0\.0\.0:\d+$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.boundAddress.split(':')[1]}`);
    expect(listeningLine(server.boundAddress, server.url)).toBe(`Zixly Ops listening on ${server.boundAddress} (every interface; ${server.url} from this machine): dashboards on ${server.url}/, GraphQL on ${server.url}/graphql`);
  });

  it('names a loopback-only bind as the URL itself', async () => {
    server = await startHttpServer([], 0, '127.0.0.1');

    expect(listeningLine(server.boundAddress, server.url)).toBe(`Zixly Ops listening on ${server.url}: dashboards on ${server.url}/, GraphQL on ${server.url}/graphql`);
  });

  it('closes a kept-alive connection left idle after its answer, and keeps one whose answer is still being worked on', async () => {
    // Given a route that answers at once and one that takes a while
    const routes: Route[] = [
      { method: 'GET', path: '/quick', handle: answering('quick') },
      { method: 'GET', path: '/slow', handle: (_request, response) => void setTimeout(() => response.end('slow'), 300) },
    ];
    server = await startHttpServer(routes, 0, '127.0.0.1', [], { requestTimeoutMs: 30_000, writeTimeoutMs: 200, shutdownGraceMs: 1_000 });
    const { port } = new URL(server.url);

    // When a client asks on a keep-alive connection and then says nothing
    const exchange = (path: string) =>
      new Promise<{ text: string; closedByServer: boolean }>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        const guard = setTimeout(() => (socket.destroy(), resolve({ text, closedByServer: false })), 15_000);
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => (clearTimeout(guard), resolve({ text, closedByServer: true })));
        socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
      });
    const [quick, slow] = await Promise.all([exchange('/quick'), exchange('/slow')]);

    // Then each got its whole answer (the slow one past the 200 ms socket timeout), and the server closed each idle connection
    expect(quick).toEqual({ text: expect.stringMatching(/^HTTP\/1\.1 200[\s\S]*quick$/), closedByServer: true });
    expect(slow).toEqual({ text: expect.stringMatching(/^HTTP\/1\.1 200[\s\S]*slow$/), closedByServer: true });
  });
});
