import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Deadline } from '../../core/deadline';
import type { AppError } from '../../core/errors';
import { sendJson } from '../../http/http-server';
import { authenticateBearer } from '../auth/authenticate-request';
import { csrfHeaderName, sessionIdOf } from '../auth/web-sessions.service';
import type { GraphQLContext, PlatformServices, Principal } from '../context';
import type { SchemaServices } from '../schema-services';

const acceptableCorrelationId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-correlation-id` when it is a sane token, else a fresh one. */
export function correlationIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-correlation-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && acceptableCorrelationId.test(value) ? value : randomUUID();
}

export interface ContextDeps {
  readonly services: SchemaServices;
  readonly platform: PlatformServices;
}

export function createContext(deps: ContextDeps, principal: Principal | null, correlationId: string): GraphQLContext {
  const deadline = Deadline.after(deps.services.settings.apiLimits.requestDeadlineMs);
  return { services: deps.services, platform: deps.platform, principal, requestId: randomUUID(), correlationId, deadline };
}

/**
 * The caller: an `Authorization: Bearer` key, or else a browser session's cookie with its CSRF
 * token in `x-zixly-csrf`. Throws UnauthorizedError (missing, malformed, unknown or revoked key;
 * ended session; missing or wrong CSRF token).
 */
export function principalOf(headers: IncomingHttpHeaders, deps: ContextDeps): Principal {
  const sessionId = headers.authorization === undefined ? sessionIdOf(headers.cookie) : null;
  if (sessionId !== null) {
    const csrf = headers[csrfHeaderName];
    return deps.platform.sessions.principalOf(sessionId, typeof csrf === 'string' ? csrf : null);
  }
  return authenticateBearer(headers.authorization, deps.platform.apiKeys);
}

/** 401 with a GraphQL-shaped body, so GraphQL clients and plain HTTP clients both read the reason. */
export function sendUnauthenticated(response: ServerResponse, error: AppError, correlationId: string): void {
  response.setHeader('www-authenticate', 'Bearer');
  response.setHeader('x-correlation-id', correlationId);
  sendJson(response, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', reason: error.code } }] });
}
