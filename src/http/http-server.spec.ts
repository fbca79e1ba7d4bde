import { afterEach, describe, expect, it } from 'vitest';
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
});
