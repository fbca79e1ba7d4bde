import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of the answer, null when the server closed without one. */
  readonly status: number | null;
  readonly text: string;
}

export interface RawRequest {
  readonly head: string;
  /** Body parts, written `dripMs` apart (all at once without it). */
  readonly parts?: readonly Buffer[];
  readonly dripMs?: number;
  /** Close our side after the last part (a client that dies mid-body). */
  readonly closeAfter?: boolean;
  /** A guard: give up waiting for an answer after this long. */
  readonly guardMs: number;
}

/** One exchange over a bare socket, for requests no HTTP client will send: lying lengths, dripping bodies, unparseable targets. */
export function rawExchange(url: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    const finish = () => {
      if (timer) clearInterval(timer);
      clearTimeout(guard);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : null, text });
    };
    const guard = setTimeout(finish, request.guardMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(request.head);
      const parts = [...(request.parts ?? [])];
      const end = () => (request.closeAfter ? socket.end() : undefined);
      if (!request.dripMs) {
        for (const part of parts) socket.write(part);
        return end();
      }
      timer = setInterval(() => {
        const part = parts.shift();
        if (part && !socket.destroyed) return void socket.write(part);
        clearInterval(timer!);
        end();
      }, request.dripMs);
    });
  });
}

/** The head of a POST with the given headers (Host and Content-Length included by the caller where wanted). */
export function postHead(path: string, headers: Readonly<Record<string, string | number>>): string {
  return `POST ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/**
 * Writes a whole request (head, then the body in 64 KiB writes) whatever the server answers first,
 * then a second request on the same connection: what a client still uploading a refused body sees.
 * The status of each answer read, and whether the connection was reset.
 */
export function sendWholeThenAsk(url: string, head: string, body: Buffer, next: string, guardMs = 15_000): Promise<{ statuses: number[]; reset: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let reset = false;
    const statuses = () => [...Buffer.concat(chunks).toString('latin1').matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]));
    const done = () => {
      clearTimeout(guard);
      socket.destroy();
      resolve({ statuses: statuses(), reset });
    };
    const guard = setTimeout(done, guardMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (statuses().length === 2) done();
    });
    socket.on('error', () => (reset = true));
    socket.on('close', done);
    socket.on('connect', async () => {
      socket.write(head);
      for (let offset = 0; offset < body.length && !socket.destroyed; offset += 64 * 1024) {
        if (!socket.write(body.subarray(offset, offset + 64 * 1024))) await new Promise((drained) => socket.once('drain', drained));
      }
      if (!socket.destroyed) socket.write(next);
    });
  });
}
