import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ToolRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the fake answers (status 200 unless given); `hang` keeps the request open (a timeout on the caller's side). */
export interface ToolResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is (text/plain unless a content type is given); anything else as JSON. */
  readonly body?: unknown;
  readonly hang?: boolean;
}

export type ToolRoute = (request: ToolRequest) => ToolResponse;

/**
 * What the next matching requests meet instead of the normal answer: `respond` answers without
 * acting (401, 429, 500…); `act-then-hang` does the work and never answers, so the caller times
 * out although the tool acted.
 */
export type Fault = { readonly kind: 'respond'; readonly response: ToolResponse } | { readonly kind: 'act-then-hang' };

interface ScriptedFault {
  readonly fault: Fault;
  readonly when: (request: ToolRequest) => boolean;
  remaining: number;
}

/**
 * A tool's API on 127.0.0.1 (port 0), the one base of every tool's fake (`src/tools/<tool>/*.fake.ts`):
 * a route function answers what the tool documents, with whatever state the fake keeps; scripted
 * answers (401, 429, 500, hangs) take precedence while they last, and a fault can let the tool act
 * and then not answer, so the caller times out although the tool acted.
 */
export class FakeToolServer {
  readonly requests: ToolRequest[] = [];
  private readonly faults: ScriptedFault[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(route: ToolRoute): Promise<FakeToolServer> {
    let fake: FakeToolServer | null = null;
    const server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
        const request = { method: incoming.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
        fake!.handle(request, route, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    fake = new FakeToolServer(server, `http://127.0.0.1:${port}`);
    server.on('connection', (socket) => {
      fake!.sockets.add(socket);
      socket.on('close', () => fake!.sockets.delete(socket));
    });
    return fake;
  }

  /** The next `times` requests matching `when` get `response` instead of the route's answer. */
  answerNext(response: ToolResponse, times = 1, when: (request: ToolRequest) => boolean = () => true): void {
    this.failNext({ kind: 'respond', response }, when, times);
  }

  requestsTo(path: string): ToolRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** The next `times` requests matching `when` meet `fault`. */
  failNext(fault: Fault, when: (request: ToolRequest) => boolean = () => true, times = 1): void {
    this.faults.push({ fault, when, remaining: times });
  }

  requestsOf(method: string, pathPart = ''): ToolRequest[] {
    return this.requests.filter((request) => request.method === method && request.path.includes(pathPart));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: ToolRequest, route: ToolRoute, response: ServerResponse): void {
    this.requests.push(request);
    const scripted = this.faults.find((entry) => entry.remaining > 0 && entry.when(request));
    if (scripted) scripted.remaining -= 1;
    if (scripted?.fault.kind === 'respond') return send(response, scripted.fault.response);
    const answer = route(request);
    if (scripted?.fault.kind === 'act-then-hang') return;
    send(response, answer);
  }
}

function send(response: ServerResponse, answer: ToolResponse): void {
  if (answer.hang) return;
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const contentType = typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  response.writeHead(answer.status ?? 200, { 'content-type': contentType, ...answer.headers });
  response.end(text);
}

export const json = (status: number, body: unknown): ToolResponse => ({ status, body });

/** Basic credentials of a request, or null. */
export function basicCredentials(request: ToolRequest): { user: string; password: string } | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return null;
  const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return { user: user ?? '', password: rest.join(':') };
}

/** Records the waits a client asks for, without waiting: specs assert on delays, never on time. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}
