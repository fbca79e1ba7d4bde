import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../../core/errors';
import type { Clock } from '../../core/time';
import type { Principal, SessionLookup } from '../context';

/** What a session needs of the API keys (the `ApiKeys` service): a secret checked once, then the key by id. */
export interface KeyAuthority {
  authenticate(secret: string): Principal;
  principalOfKey(keyId: string): Principal;
}

/** The cookie holding the session id: HttpOnly, SameSite=Strict, never readable by scripts. */
export const sessionCookieName = 'zixly_session';
/** The header a browser sends with every cookie-authenticated request: the session's CSRF token. */
export const csrfHeaderName = 'x-zixly-csrf';

export interface WebSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly principal: Principal;
}

interface StoredSession {
  readonly keyId: string;
  expiresAt: number;
}

export interface WebSessionOptions {
  /** A session unused for this long is forgotten (ms; default 12 hours). */
  readonly idleMs?: number;
  /** Sessions kept at most; the least recently used goes first (default 10,000). */
  readonly capacity?: number;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const token = (): string => randomBytes(32).toString('base64url');

/**
 * Browser sessions of the dashboard: an API key is exchanged once (`POST /session`) for a random
 * session id in an HttpOnly cookie and a CSRF token the page keeps in memory and sends in
 * `x-zixly-csrf` (an HMAC of the session id under a per-process secret, so every tab of a session
 * holds the same one). Only the id's hash is kept, in this process's memory: a restart signs
 * everyone out. The session stands for its key: a revoked key ends it at the next request.
 */
export class WebSessions implements SessionLookup {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly idleMs: number;
  private readonly capacity: number;
  private readonly csrfSecret = randomBytes(32);

  constructor(
    private readonly apiKeys: KeyAuthority,
    private readonly clock: Clock,
    options: WebSessionOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 12 * 3_600_000;
    this.capacity = options.capacity ?? 10_000;
  }

  get idleSeconds(): number {
    return Math.floor(this.idleMs / 1000);
  }

  /** Signs in with a key's secret; throws UnauthorizedError for an unknown or revoked key. */
  open(secret: string): WebSession {
    const principal = this.apiKeys.authenticate(secret);
    const id = token();
    if (this.sessions.size >= this.capacity) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(digest(id).toString('hex'), { keyId: principal.keyId, expiresAt: this.now() + this.idleMs });
    return { id, csrfToken: this.csrfTokenOf(id), principal };
  }

  /**
   * The principal of a cookie-borne session, for a request that proves it comes from the page
   * (the CSRF token). Without `csrfToken`, the caller only asks who is signed in (`GET /session`).
   */
  principalOf(sessionId: string, csrfToken: string | undefined | null, requireCsrf = true): Principal {
    const stored = this.lookup(sessionId);
    if (requireCsrf && (!csrfToken || !timingSafeEqual(digest(csrfToken), digest(this.csrfTokenOf(sessionId))))) {
      throw new UnauthorizedError('auth.csrf_mismatch', `A signed-in browser request needs the session's CSRF token in ${csrfHeaderName}`);
    }
    return this.apiKeys.principalOfKey(stored.keyId);
  }

  /** The session's CSRF token, for a page that reloaded and lost the one it kept in memory. */
  csrfTokenOf(sessionId: string): string {
    return createHmac('sha256', this.csrfSecret).update(sessionId, 'utf8').digest('base64url');
  }

  close(sessionId: string): void {
    this.sessions.delete(digest(sessionId).toString('hex'));
  }

  private lookup(sessionId: string): StoredSession {
    const key = digest(sessionId).toString('hex');
    const stored = this.sessions.get(key);
    if (!stored || stored.expiresAt <= this.now()) {
      this.sessions.delete(key);
      throw new UnauthorizedError('auth.session_expired', 'The session has ended: sign in again');
    }
    // Most recently used last, so the capacity evicts the least recently used.
    this.sessions.delete(key);
    stored.expiresAt = this.now() + this.idleMs;
    this.sessions.set(key, stored);
    return stored;
  }

  private now(): number {
    return this.clock().getTime();
  }
}

/** The session id in a `Cookie` header, or null. */
export function sessionIdOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) return value.join('=') || null;
  }
  return null;
}
