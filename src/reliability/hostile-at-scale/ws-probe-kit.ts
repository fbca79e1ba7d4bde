import { once } from 'node:events';
import WebSocket from 'ws';
import type { ProbeTarget } from './probe';

export interface WsMessage {
  readonly type: string;
  readonly id?: string;
  readonly payload?: unknown;
}

/** A raw graphql-transport-ws socket, with every message and the close code recorded. */
export class ProbeSocket {
  readonly messages: WsMessage[] = [];
  readonly closed: Promise<number>;
  closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code) => {
        this.closeCode = code;
        resolve(code);
      });
    });
    socket.on('error', () => undefined);
    socket.on('message', (data) => {
      try {
        this.messages.push(JSON.parse(String(data)) as WsMessage);
      } catch {
        this.messages.push({ type: 'unparseable' });
      }
    });
  }

  static async open(target: ProbeTarget): Promise<ProbeSocket> {
    const socket = new WebSocket(`${target.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { maxPayload: 256 * 1024 * 1024 });
    const probe = new ProbeSocket(socket);
    await Promise.race([once(socket, 'open'), probe.closed]);
    return probe;
  }

  /** Sends connection_init and waits for the ack (true) or the close (false). */
  async init(payload: Record<string, unknown>): Promise<boolean> {
    this.send({ type: 'connection_init', payload });
    return this.until((message) => message.type === 'connection_ack', 10_000).then((message) => message !== null);
  }

  send(message: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** The first message (already received or coming) that matches, or null once closed or after `guardMs`. */
  async until(matches: (message: WsMessage) => boolean, guardMs: number): Promise<WsMessage | null> {
    const ends = Date.now() + guardMs;
    for (;;) {
      const found = this.messages.find(matches);
      if (found) return found;
      if (this.closeCode !== null || Date.now() > ends) return null;
      await Promise.race([once(this.socket, 'message').catch(() => undefined), this.closed, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
  }

  /** The close code, or null if the socket is still open after `guardMs`. */
  async closeCodeWithin(guardMs: number): Promise<number | null> {
    return Promise.race([this.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), guardMs))]);
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Codes of an `error` message, or of the errors of a `next` whose execution failed. */
export function errorCodesOf(message: WsMessage | null): string[] {
  const errors = message?.type === 'error' ? message.payload : message?.type === 'next' ? (message.payload as { errors?: unknown } | undefined)?.errors : undefined;
  return Array.isArray(errors) ? (errors as Array<{ extensions?: { code?: string } }>).map((error) => String(error.extensions?.code)) : [];
}
