import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError, UnauthorizedError } from '../../core/errors';
import { type Route, sendJson } from '../../http/http-server';
import type { Principal } from '../context';
import { BodyNotUtf8Error, BodyTooLargeError, readBody } from '../http/request-body';
import { csrfHeaderName, sessionCookieName, sessionIdOf, type WebSessions } from './web-sessions.service';

export const sessionPath = '/session';

export interface SessionRouteDeps {
  readonly sessions: WebSessions;
  /** Told to the page, which draws periods in the business time zone. */
  readonly businessTimeZone: string;
}

/** A sign-in body is one short key: anything bigger is refused before it is read. */
const maxSignInBytes = 4_096;

function cookie(request: IncomingMessage, value: string, maxAgeSeconds: number): string {
  // Behind a TLS-terminating proxy the cookie is kept off plain HTTP; on localhost it cannot be.
  const secure = request.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  return `${sessionCookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

function sendSession(response: ServerResponse, status: number, principal: Principal, csrfToken: string, deps: SessionRouteDeps): void {
  response.setHeader('cache-control', 'no-store');
  sendJson(response, status, { signedIn: true, name: principal.name, role: principal.role, csrfToken, businessTimeZone: deps.businessTimeZone });
}

function signedOut(response: ServerResponse, message: string, reason: string): void {
  response.setHeader('cache-control', 'no-store');
  sendJson(response, 200, { signedIn: false, message, reason });
}

function refuse(response: ServerResponse, status: number, error: string, reason: string): void {
  response.setHeader('cache-control', 'no-store');
  sendJson(response, status, { error, reason });
}

async function secretOf(request: IncomingMessage): Promise<string> {
  // JSON only: a cross-site form cannot send it without a preflight, so no one signs a browser in to their key.
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) throw new UnauthorizedError('auth.bad_sign_in', 'Sign in with a JSON body {"key": "zx_…"}');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request, maxSignInBytes));
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof BodyTooLargeError || error instanceof BodyNotUtf8Error) throw new UnauthorizedError('auth.bad_sign_in', 'Sign in with a JSON body {"key": "zx_…"}');
    throw error;
  }
  const key = (body as { key?: unknown } | null)?.key;
  if (typeof key !== 'string' || key.trim() === '') throw new UnauthorizedError('auth.missing_key', 'Paste an API key (zx_…)');
  return key.trim();
}

/**
 * `POST /session` exchanges an API key for a browser session (the key travels once, in the body,
 * never in a URL, and is not logged); `GET /session` tells the page who is signed in and its CSRF
 * token (`{ signedIn: false }` when no one is); `DELETE /session` signs out.
 */
export function webSessionRoutes(deps: SessionRouteDeps): Route[] {
  const { sessions } = deps;
  return [
    {
      method: 'POST',
      path: sessionPath,
      async handle(request, response) {
        try {
          const session = sessions.open(await secretOf(request));
          response.setHeader('set-cookie', cookie(request, session.id, sessions.idleSeconds));
          sendSession(response, 200, session.principal, session.csrfToken, deps);
        } catch (error) {
          if (!isAppError(error) || error.kind !== 'unauthorized') throw error;
          refuse(response, error.code === 'auth.bad_sign_in' ? 400 : 401, error.message, error.code);
        }
      },
    },
    {
      method: 'GET',
      path: sessionPath,
      handle(request, response) {
        // Answered 200 either way: asking whether one is signed in is not an error (no red line in the browser console).
        const id = sessionIdOf(request.headers.cookie);
        if (id === null) return signedOut(response, 'Not signed in', 'auth.no_session');
        try {
          sendSession(response, 200, sessions.principalOf(id, null, false), sessions.csrfTokenOf(id), deps);
        } catch (error) {
          if (!isAppError(error) || error.kind !== 'unauthorized') throw error;
          response.setHeader('set-cookie', cookie(request, '', 0));
          signedOut(response, error.message, error.code);
        }
      },
    },
    {
      method: 'DELETE',
      path: sessionPath,
      handle(request, response) {
        const id = sessionIdOf(request.headers.cookie);
        const csrf = request.headers[csrfHeaderName];
        if (id !== null) {
          try {
            sessions.principalOf(id, typeof csrf === 'string' ? csrf : null);
            sessions.close(id);
          } catch (error) {
            if (!isAppError(error)) throw error;
            if (error.code === 'auth.csrf_mismatch') return refuse(response, 403, 'Signing out needs the CSRF token', error.code);
            sessions.close(id);
          }
        }
        response.setHeader('set-cookie', cookie(request, '', 0));
        response.writeHead(204, { 'cache-control': 'no-store' }).end();
      },
    },
  ];
}
