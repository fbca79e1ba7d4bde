import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type DocumentNode, getOperationAST, GraphQLError, type GraphQLSchema, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { yieldToLoop } from '../core/deadline';
import { isAppError } from '../core/errors';
import { logger } from '../logging/logger';
import { authenticateBearer } from './auth/authenticate-request';
import { sessionIdOf } from './auth/web-sessions.service';
import { requireRole } from './auth/roles';
import type { GraphQLContext, Principal } from './context';
import { formatForClient } from './error-mapping';
import { maxTokensOf, operationLimitErrors, type QueryLimits } from './hardening/query-limits';
import type { ApiLimits } from './hardening/api-limits.config';
import { rateLimitedMessage } from './hardening/key-rate-limiter';
import { type ContextDeps, createContext } from './http/request-context';
import { wsCloseCodes, wsMaxConnectionParamsBytes, wsMaxPayloadBytes, WsSessions } from './ws-sessions';

export interface SubscriptionServerOptions {
  readonly server: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly deps: ContextDeps;
  readonly introspection: boolean;
  readonly limits: QueryLimits;
  readonly apiLimits: ApiLimits;
}

type ConnectionParams = { authorization?: unknown; csrfToken?: unknown };

/** The connection's caller, checked again per operation: a bearer key, or the page's session cookie and CSRF token. */
function principalOfConnection(params: ConnectionParams | undefined, cookie: string | undefined, deps: ContextDeps): () => Principal {
  const authorization = typeof params?.authorization === 'string' ? params.authorization : undefined;
  const sessionId = authorization === undefined ? sessionIdOf(cookie) : null;
  if (sessionId === null) return () => authenticateBearer(authorization, deps.platform.apiKeys);
  const csrf = typeof params?.csrfToken === 'string' ? params.csrfToken : null;
  return () => deps.platform.sessions.principalOf(sessionId, csrf);
}

/** Parse and validation errors carry the code Apollo gives them over HTTP (else they would read as internal errors). */
const withCode = (error: GraphQLError, code: string) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });

/**
 * Subscriptions (graphql-ws) on the HTTP server's port and path. The key travels in the
 * connection parameters (`{ authorization: 'Bearer <key>' }`), or the dashboard's session cookie
 * comes with the upgrade and its CSRF token in `{ csrfToken }`; it is checked on connecting;
 * each operation gets its own context, limits and error mapping, as over HTTP. Frames are small
 * (64 KiB; the connection parameters 4 KiB), a socket has WS_INIT_TIMEOUT_MS to authenticate,
 * live operations are capped per socket and per key, each takes a token of the key's rate, and a
 * revoked or role-changed key's sockets are closed (4403) as soon as the key index learns of it.
 */
export function attachSubscriptions(options: SubscriptionServerOptions): () => Promise<void> {
  const { schema, deps, limits } = options;
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  // ws refuses a larger frame from its header (1009), before buffering it.
  const wss = new WebSocketServer({ server: options.server, path: options.path, maxPayload: wsMaxPayloadBytes });
  const sessions = new WsSessions(deps.platform.apiKeys, options.apiLimits);
  const server = useServer<ConnectionParams, { principal: () => Principal }>(
    {
      connectionInitWaitTimeout: options.apiLimits.wsInitTimeoutMs,
      onConnect(ctx) {
        if (JSON.stringify(ctx.connectionParams ?? {}).length > wsMaxConnectionParamsBytes) {
          ctx.extra.socket.close(wsCloseCodes.paramsTooLarge, `Connection parameters larger than ${wsMaxConnectionParamsBytes} bytes`);
          return false;
        }
        try {
          const current = principalOfConnection(ctx.connectionParams, ctx.extra.request.headers.cookie, deps);
          const principal = current();
          if (!sessions.socketsLeft(principal.keyId)) {
            ctx.extra.socket.close(wsCloseCodes.tooManySockets, `API key "${principal.name}" holds its most sockets already`.slice(0, 120));
            return false;
          }
          ctx.extra.principal = current;
          sessions.open(ctx.extra.socket, current, principal, () => Object.keys(ctx.subscriptions).length);
          return true;
        } catch (error) {
          if (!isAppError(error) || error.kind !== 'unauthorized') throw error;
          ctx.extra.socket.close(wsCloseCodes.unauthorized, error.message.slice(0, 120));
          return false;
        }
      },
      async onSubscribe(ctx, _id, payload) {
        // The cap is checked as the message arrives (before the first await, so operations count in
        // arrival order); then messages that arrived together are handled one per turn of the event
        // loop, with the cheap refusals (key, rate) before parsing and validating.
        const capped = sessions.refusal(ctx.extra.socket);
        if (capped !== null) return [new GraphQLError(capped, { extensions: { code: 'SUBSCRIPTION_LIMIT' } })];
        await yieldToLoop();
        let principal: Principal;
        try {
          // Checked again per operation: a key revoked since the connection opened starts nothing new.
          principal = (ctx.extra.principal ?? principalOfConnection(ctx.connectionParams, undefined, deps))();
        } catch (error) {
          return [new GraphQLError((error as Error).message, { originalError: error as Error })];
        }
        if (!deps.platform.rateLimiter.take(principal.keyId)) return [new GraphQLError(rateLimitedMessage, { extensions: { code: 'RATE_LIMITED' } })];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: maxTokensOf(limits) });
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify the operation to run', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        const refused = operationLimitErrors(schema, document, operation, payload.variables ?? undefined, limits);
        if (refused.length > 0) return refused;
        try {
          if (operation.operation === 'mutation') requireRole(principal, 'EDITOR', 'A mutation');
        } catch (error) {
          return [new GraphQLError((error as Error).message, { originalError: error as Error })];
        }
        const contextValue: GraphQLContext = createContext(deps, principal, randomUUID());
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext(_ctx, _id, _payload, args, result) {
        if (!result.errors) return;
        const { correlationId } = args.contextValue as GraphQLContext;
        return { ...result, errors: result.errors.map((error) => formatForClient(error, correlationId)) };
      },
      onError(_ctx, _id, _payload, errors) {
        const correlationId = randomUUID();
        return errors.map((error) => formatForClient(error, correlationId));
      },
    },
    wss,
  );
  // After graphql-ws's own handler: a frame over the limit is the client's fault (ws closes with
  // 1009), not the "internal error" graphql-ws would print for every such socket.
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.debug({ component: 'graphql-ws', err: error }, 'WebSocket closed on a protocol error'));
  });
  return async () => {
    sessions.close();
    await server.dispose();
  };
}
