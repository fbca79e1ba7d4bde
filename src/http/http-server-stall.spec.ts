import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { type RunningServer, startHttpServer } from './http-server';

const chunk = Buffer.alloc(64 * 1024, 'x');

/** Writes chunks as fast as the client takes them, as the NDJSON export does, until the response closes. */
async function endlessExport(response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  while (!response.destroyed) {
    if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
  }
}

/** A client that sends its request, then never reads a byte of the answer. */
async function clientThatStopsReading(url: string, head: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  socket.pause();
  socket.write(head);
  return socket;
}

describe('HTTP server and clients that stop reading', () => {
  let server: RunningServer | null = null;
  const clients: Socket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
    server = null;
  });

  it('closes an export whose client stopped reading once nothing was taken for the write timeout', async () => {
    let closed!: Promise<unknown>;
    let exported!: ServerResponse;
    server = await startHttpServer(
      [{ method: 'GET', path: '/export', handle: (_request, response) => ((exported = response), (closed = once(response, 'close')), endlessExport(response)) }],
      0,
      '127.0.0.1',
      [],
      { requestTimeoutMs: 5_000, writeTimeoutMs: 300, shutdownGraceMs: 60_000 },
    );
    clients.push(await clientThatStopsReading(server.url, 'GET /export HTTP/1.1\r\nhost: x\r\n\r\n'));
    while (closed === undefined) await new Promise((resolve) => setTimeout(resolve, 10));

    await closed;

    expect(exported.writableFinished).toBe(false);
    expect(exported.destroyed).toBe(true);
  });

  it('keeps a connection that waits for a slow answer with nothing to send', async () => {
    let answer!: (text: string) => void;
    server = await startHttpServer(
      [{ method: 'GET', path: '/slow', handle: async (_request, response) => void response.end(await new Promise<string>((resolve) => (answer = resolve))) }],
      0,
      '127.0.0.1',
      [],
      { requestTimeoutMs: 5_000, writeTimeoutMs: 100, shutdownGraceMs: 60_000 },
    );
    const reply = fetch(`${server.url}/slow`).then((response) => response.text());
    while (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 400));

    answer('done');

    expect(await reply).toBe('done');
  });

  it('closes a WebSocket whose client stopped reading once nothing was taken for the write timeout', async () => {
    server = await startHttpServer([], 0, '127.0.0.1', [], { requestTimeoutMs: 5_000, writeTimeoutMs: 300, shutdownGraceMs: 60_000 });
    const sockets = new WebSocketServer({ server: server.server, path: '/ws' });
    let wsClosed!: Promise<unknown>;
    sockets.on('connection', (socket) => {
      wsClosed = once(socket, 'close');
      const flood = () => {
        while (socket.readyState === socket.OPEN && socket.bufferedAmount < 8 * 2 ** 20) socket.send(chunk);
        if (socket.readyState === socket.OPEN) setTimeout(flood, 20);
      };
      flood();
    });
    const key = Buffer.from('0123456789abcdef').toString('base64');
    clients.push(await clientThatStopsReading(server.url, `GET /ws HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`));
    while (wsClosed === undefined) await new Promise((resolve) => setTimeout(resolve, 10));

    await wsClosed;

    expect(sockets.clients.size).toBe(0);
    sockets.close();
  });

  it('stops without waiting for an export or a WebSocket whose client stopped reading', async () => {
    server = await startHttpServer([{ method: 'GET', path: '/export', handle: (_request, response) => endlessExport(response) }], 0, '127.0.0.1', [], {
      requestTimeoutMs: 5_000,
      writeTimeoutMs: 600_000,
      shutdownGraceMs: 200,
    });
    const sockets = new WebSocketServer({ server: server.server, path: '/ws' });
    let wsClosed!: Promise<unknown>;
    sockets.on('connection', (socket) => {
      wsClosed = once(socket, 'close');
      const flood = () => {
        while (socket.readyState === socket.OPEN && socket.bufferedAmount < 8 * 2 ** 20) socket.send(chunk);
        if (socket.readyState === socket.OPEN) setTimeout(flood, 20);
      };
      flood();
    });
    clients.push(await clientThatStopsReading(server.url, 'GET /export HTTP/1.1\r\nhost: x\r\n\r\n'));
    const key = Buffer.from('0123456789abcdef').toString('base64');
    clients.push(await clientThatStopsReading(server.url, `GET /ws HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`));
    while (sockets.clients.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    await server.close();
    server = null;

    await wsClosed;
    expect(sockets.clients.size).toBe(0);
    sockets.close();
  });
});
