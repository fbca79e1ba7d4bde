import type { WebSocket } from 'ws';
import { isAppError } from '../core/errors';
import type { ApiKeys } from './auth/api-keys.service';
import type { Principal } from './context';
import type { ApiLimits } from './hardening/api-limits.config';

/** Close codes (graphql-ws reserves 4400–4499 for the protocol; these follow its style). */
export const wsCloseCodes = { unauthorized: 4401, keyChanged: 4403, paramsTooLarge: 4413, tooManySockets: 4429 } as const;

/** The largest frame a socket may send, before or after `connection_init` (ws answers 1009 beyond). */
export const wsMaxPayloadBytes = 64 * 1024;
/** The connection parameters of `connection_init` (the key and nothing else worth more). */
export const wsMaxConnectionParamsBytes = 4 * 1024;

interface Session {
  readonly socket: WebSocket;
  /** Authenticates the connection's credentials again (a key, or a session and its CSRF token). */
  readonly current: () => Principal;
  readonly principal: Principal;
  /** graphql-ws's own table of the socket's operations (ids are removed when they end). */
  readonly operations: () => number;
}

/**
 * The authenticated sockets, by key: caps on live operations per socket and per key, and the end
 * of every socket whose key was revoked or changed role, as soon as the key index learns of it.
 */
export class WsSessions {
  private readonly byKey = new Map<string, Set<Session>>();
  private readonly bySocket = new WeakMap<WebSocket, Session>();
  private readonly unlisten: () => void;

  constructor(
    private readonly apiKeys: ApiKeys,
    private readonly limits: Pick<ApiLimits, 'wsMaxSubscriptionsPerSocket' | 'wsMaxSubscriptionsPerKey'>,
  ) {
    this.unlisten = apiKeys.onKeyChanged((keyId) => this.recheck(keyId));
  }

  /** A key may hold as many sockets as live operations (WS_MAX_SUBSCRIPTIONS_PER_KEY), no more. */
  socketsLeft(keyId: string): boolean {
    return (this.byKey.get(keyId)?.size ?? 0) < this.limits.wsMaxSubscriptionsPerKey;
  }

  open(socket: WebSocket, current: () => Principal, principal: Principal, operations: () => number): void {
    const session: Session = { socket, current, principal, operations };
    this.bySocket.set(socket, session);
    const sessions = this.byKey.get(principal.keyId) ?? new Set<Session>();
    sessions.add(session);
    this.byKey.set(principal.keyId, sessions);
    socket.once('close', () => this.forget(session));
  }

  /** Why one more operation may not start on this socket (its own count included), or null. */
  refusal(socket: WebSocket): string | null {
    const session = this.bySocket.get(socket);
    if (!session) return null;
    if (session.operations() > this.limits.wsMaxSubscriptionsPerSocket) {
      return `A socket runs at most ${this.limits.wsMaxSubscriptionsPerSocket} operations at once`;
    }
    let total = 0;
    for (const other of this.byKey.get(session.principal.keyId) ?? []) total += other.operations();
    if (total > this.limits.wsMaxSubscriptionsPerKey) return `API key "${session.principal.name}" runs at most ${this.limits.wsMaxSubscriptionsPerKey} operations at once over WebSockets`;
    return null;
  }

  close(): void {
    this.unlisten();
  }

  private recheck(keyId: string): void {
    for (const session of this.byKey.get(keyId) ?? []) {
      const reason = this.staleReason(session);
      if (reason !== null) {
        this.forget(session);
        session.socket.close(wsCloseCodes.keyChanged, reason);
      }
    }
  }

  private staleReason(session: Session): string | null {
    try {
      const now = session.current();
      return now.role === session.principal.role ? null : `API key role changed from ${session.principal.role} to ${now.role}`;
    } catch (error) {
      if (isAppError(error)) return error.message.slice(0, 120);
      throw error;
    }
  }

  private forget(session: Session): void {
    const sessions = this.byKey.get(session.principal.keyId);
    sessions?.delete(session);
    if (sessions?.size === 0) this.byKey.delete(session.principal.keyId);
  }
}
