import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type DocumentNode, getOperationAST, GraphQLError, type GraphQLSchema, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAppError } from '../core/errors';
import { authenticateBearer } from './auth/authenticate-request';
import { sessionIdOf } from './auth/web-sessions.service';
import { requireRole } from './auth/roles';
import type { GraphQLContext, Principal } from './context';
import { formatForClient } from './error-mapping';
import { operationLimitErrors, type QueryLimits } from './hardening/query-limits';
import { type ContextDeps, createContext } from './http/request-context';

export interface SubscriptionServerOptions {
  readonly server: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly deps: ContextDeps;
  readonly introspection: boolean;
  readonly limits: QueryLimits;
}

/** graphql-ws close code for a connection refused for its credentials (the protocol's 4401). */
const unauthorizedCloseCode = 4401;

type ConnectionParams = { authorization?: unknown; csrfToken?: unknown };

/** The connection's caller, checked again per operation: a bearer key, or the page's session cookie and CSRF token. */
function principalOfConnection(params: ConnectionParams | undefined, cookie: string | undefined, deps: ContextDeps): () => Principal {
  const authorization = typeof params?.authorization === 'string' ? params.authorization : undefined;
  const sessionId = authorization === undefined ? sessionIdOf(cookie) : null;
  if (sessionId === null) return () => authenticateBearer(authorization, deps.platform.apiKeys);
  const csrf = typeof params?.csrfToken === 'string' ? params.csrfToken : null;
  return () => deps.platform.sessions.principalOf(sessionId, csrf);
}

/**
 * Subscriptions (graphql-ws) on the HTTP server's port and path. The key travels in the
 * connection parameters (`{ authorization: 'Bearer <key>' }`), or the dashboard's session cookie
 * comes with the upgrade and its CSRF token in `{ csrfToken }`; it is checked on connecting;
 * each operation gets its own context, limits and error mapping, as over HTTP.
 */
export function attachSubscriptions(options: SubscriptionServerOptions): () => Promise<void> {
  const { schema, deps, limits } = options;
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const wss = new WebSocketServer({ server: options.server, path: options.path });
  const server = useServer<ConnectionParams, { principal: () => Principal }>(
    {
      onConnect(ctx) {
        try {
          const principal = principalOfConnection(ctx.connectionParams, ctx.extra.request.headers.cookie, deps);
          principal();
          ctx.extra.principal = principal;
          return true;
        } catch (error) {
          if (!isAppError(error) || error.kind !== 'unauthorized') throw error;
          ctx.extra.socket.close(unauthorizedCloseCode, error.message.slice(0, 120));
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify the operation to run', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        const refused = operationLimitErrors(schema, document, operation, payload.variables ?? undefined, limits);
        if (refused.length > 0) return refused;
        let principal: Principal;
        try {
          // Checked again per operation: a key revoked since the connection opened starts nothing new.
          principal = (ctx.extra.principal ?? principalOfConnection(ctx.connectionParams, undefined, deps))();
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
  return () => server.dispose() as Promise<void>;
}
