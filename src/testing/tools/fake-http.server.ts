import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/** What the fake answers; `hang` keeps the request open (a timeout on the caller's side). */
export interface FakeResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly hang?: boolean;
}

export type FakeRoute = (request: FakeRequest) => FakeResponse;

interface Scripted {
  readonly response: FakeResponse;
  remaining: number;
  readonly when: (request: FakeRequest) => boolean;
}

/**
 * A tool's REST API on 127.0.0.1 (port 0) for the sync specs: a route function answers what the
 * tool documents; scripted answers (401, 429, 500, hangs) take precedence while they last.
 */
export class FakeHttpServer {
  readonly requests: FakeRequest[] = [];
  private readonly scripted: Scripted[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(route: FakeRoute): Promise<FakeHttpServer> {
    let fake: FakeHttpServer | null = null;
    const server = createServer((incoming, response) => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers };
      fake!.requests.push(request);
      fake!.answer(fake!.scriptedFor(request) ?? route(request), response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    fake = new FakeHttpServer(server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      fake!.sockets.add(socket);
      socket.on('close', () => fake!.sockets.delete(socket));
    });
    return fake;
  }

  /** The next `times` requests matching `when` get `response` instead of the route's answer. */
  answerNext(response: FakeResponse, times = 1, when: (request: FakeRequest) => boolean = () => true): void {
    this.scripted.push({ response, remaining: times, when });
  }

  requestsTo(path: string): FakeRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private scriptedFor(request: FakeRequest): FakeResponse | null {
    const match = this.scripted.find((entry) => entry.remaining > 0 && entry.when(request));
    if (!match) return null;
    match.remaining -= 1;
    return match.response;
  }

  private answer(answer: FakeResponse, response: ServerResponse): void {
    if (answer.hang) return;
    const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    response.end(body);
  }
}

/** Records the waits a client asks for, without waiting: specs assert on delays, never on time. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}
