import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import type { GraphQLSchema } from 'graphql';
import { isAppError } from '../core/errors';
import { type Route, sendJson } from '../http/http-server';
import { mutationRolePlugin } from './auth/mutation-role.plugin';
import type { GraphQLContext } from './context';
import { responseCachePlugin } from './dashboards/response-cache.plugin';
import { errorMappingPlugin, formatError } from './error-mapping';
import { sendRateLimited } from './hardening/key-rate-limiter';
import { defaultQueryLimits, maxTokensOf, type QueryLimits, queryLimitsPlugin } from './hardening/query-limits';
import { BodyNotUtf8Error, BodyTooLargeError, readBody } from './http/request-body';
import { type ContextDeps, correlationIdOf, createContext, principalOf, sendUnauthenticated } from './http/request-context';
import type { Principal } from './context';
import { attachSubscriptions } from './subscriptions-ws';

export const graphqlPath = '/graphql';

export interface GraphQLEndpointOptions {
  readonly schema: GraphQLSchema;
  readonly deps: ContextDeps;
  /** Introspection, the GraphQL IDE page and field suggestions ("did you mean…"). */
  readonly introspection: boolean;
  /**
   * Sends the self-hosted GraphQL IDE page to a browser opening `/graphql` (when introspection is
   * on); false when there is none to send. Apollo's landing page, which loads from a CDN, is off.
   */
  readonly ide?: (request: IncomingMessage, response: ServerResponse) => boolean;
  readonly limits?: QueryLimits;
}

export interface GraphQLEndpoint {
  readonly routes: Route[];
  /** Serves subscriptions (graphql-ws) on the same server and path; the result closes them (code 1001). */
  attach(server: Server): () => Promise<void>;
  stop(): Promise<void>;
}

export async function createGraphQLEndpoint(options: GraphQLEndpointOptions): Promise<GraphQLEndpoint> {
  const { schema, deps, introspection } = options;
  const limits = options.limits ?? defaultQueryLimits;
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection,
    allowBatchedHttpRequests: false,
    // Apollo would stop itself on SIGTERM and re-raise the signal, killing the process before the
    // composition root's graceful stop has finished: the composition root owns signals.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: maxTokensOf(limits) },
    includeStacktraceInErrorResponses: false,
    formatError,
    // A response served from the dashboards' response cache is sent as the body kept with it.
    stringifyResult: (result) => deps.services.responseCache.bodyOf(result) ?? `${JSON.stringify(result)}\n`,
    plugins: [
      errorMappingPlugin,
      mutationRolePlugin,
      queryLimitsPlugin(limits),
      responseCachePlugin,
      ApolloServerPluginLandingPageDisabled(),
      ...(introspection ? [] : [ApolloServerPluginDisableSuggestions()]),
    ],
  });
  await apollo.start();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const correlationId = correlationIdOf(request.headers);
    response.setHeader('x-correlation-id', correlationId);
    if (introspection && isIdeRequest(request) && options.ide?.(request, response)) return;
    let principal: Principal;
    try {
      principal = principalOf(request.headers, deps);
    } catch (error) {
      if (isAppError(error) && error.kind === 'unauthorized') return sendUnauthenticated(response, error, correlationId);
      throw error;
    }
    const limiter = deps.platform.rateLimiter;
    if (!limiter.take(principal.keyId)) return sendRateLimited(response, limiter);
    const release = await limiter.enter(principal.keyId);
    try {
      await answer(request, response, principal, correlationId);
    } finally {
      release();
    }
  };

  const answer = async (request: IncomingMessage, response: ServerResponse, principal: Principal, correlationId: string) => {
    let httpGraphQLRequest: HTTPGraphQLRequest;
    try {
      httpGraphQLRequest = await toHttpGraphQLRequest(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(response, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      if (error instanceof SyntaxError) return sendJson(response, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      if (error instanceof BodyNotUtf8Error) return sendJson(response, 400, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      throw error;
    }
    const context = createContext(deps, principal, correlationId);
    const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
    await writeHttpGraphQLResponse(response, result);
  };

  return {
    routes: [
      { method: 'POST', path: graphqlPath, handle },
      { method: 'GET', path: graphqlPath, handle },
    ],
    attach: (server) => attachSubscriptions({ server, path: graphqlPath, schema, deps, introspection, limits, apiLimits: deps.services.settings.apiLimits }),
    stop: () => apollo.stop(),
  };
}

/** A browser navigating to `/graphql` (no operation in the query string). */
function isIdeRequest(request: IncomingMessage): boolean {
  return request.method === 'GET' && !request.url?.includes('?') && (request.headers.accept ?? '').includes('text/html');
}

async function toHttpGraphQLRequest(request: IncomingMessage): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = request.method === 'POST' ? await readBody(request) : '';
  const isJson = (headers.get('content-type') ?? '').includes('application/json');
  return {
    method: request.method ?? 'GET',
    headers,
    search: new URL(request.url ?? '/', 'http://localhost').search,
    body: isJson && raw !== '' ? JSON.parse(raw) : raw,
  };
}

async function writeHttpGraphQLResponse(response: ServerResponse, result: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
