import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type AppErrorKind, isAppError } from '../core/errors';
import { logger } from '../logging/logger';
import type { GraphQLContext } from './context';

/** AppError kinds as clients see them in `extensions.code`. */
export const codeOfKind: Readonly<Record<AppErrorKind, string>> = {
  validation: 'BAD_USER_INPUT',
  rule: 'RULE_VIOLATION',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unauthorized: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  upstream: 'SERVICE_UNAVAILABLE',
};

const internalCode = 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  readonly field: string;
  readonly messages: string[];
}

/** Flattens class-validator's tree (nested inputs) into `a.b: messages` entries. */
export function fieldProblemsOf(errors: readonly ClassValidatorError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblemsOf(error.children ?? [], `${field}.`)];
  });
}

/**
 * What was thrown, under the GraphQLErrors that resolvers, plugins and Apollo wrap around it. A
 * wrapper that carries a code (Apollo's validation errors) is the answer itself.
 */
export function causeOf(error: unknown): unknown {
  let cause = unwrapResolverError(error);
  while (cause instanceof GraphQLError && cause.originalError && typeof cause.extensions?.code !== 'string') cause = cause.originalError;
  return cause;
}

/** True for errors whose message is safe and meant for the client; everything else is masked. */
export function isExpectedError(error: unknown): boolean {
  const unwrapped = causeOf(error);
  if (isAppError(unwrapped)) return true;
  return unwrapped instanceof GraphQLError && typeof unwrapped.extensions?.code === 'string';
}

/**
 * The one mapping from thrown errors to what a client receives (Apollo's `formatError`; the
 * WebSocket transport calls it too). Unknown errors become "Internal error"; the correlation id is
 * added by `errorMappingPlugin`, which sees the request context.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = causeOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (isAppError(unwrapped)) {
    const code = codeOfKind[unwrapped.kind];
    const field = typeof unwrapped.details.field === 'string' ? unwrapped.details.field : null;
    return {
      ...base,
      message: unwrapped.message,
      extensions: {
        code,
        reason: unwrapped.code,
        ...(unwrapped.kind === 'rule' ? { rule: unwrapped.code } : {}),
        ...(field ? { fields: [{ field, messages: [unwrapped.message] }] } : {}),
      },
    };
  }
  const validationErrors = (unwrapped as GraphQLError | undefined)?.extensions?.validationErrors;
  if (unwrapped instanceof GraphQLError && Array.isArray(validationErrors)) {
    const fields = fieldProblemsOf(validationErrors as ClassValidatorError[]);
    const summary = fields.flatMap((problem) => problem.messages).join('; ');
    return { ...base, message: `Invalid input: ${summary}`, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  if (isExpectedError(error)) {
    const { stacktrace: _stack, exception: _exception, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions: { ...extensions, code: String(formatted.extensions?.code) } };
  }
  return { ...base, message: 'Internal error', extensions: { code: internalCode } };
}

export function withCorrelationId(formatted: GraphQLFormattedError, correlationId: string): GraphQLFormattedError {
  if (formatted.extensions?.code !== internalCode) return formatted;
  return { ...formatted, message: `Internal error (correlation id ${correlationId})`, extensions: { ...formatted.extensions, correlationId } };
}

export function logUnexpected(error: unknown, correlationId: string, operationName?: string | null): void {
  const cause = causeOf(error);
  logger.error(
    {
      component: 'graphql',
      correlationId,
      operationName: operationName ?? null,
      path: error instanceof GraphQLError ? error.path : undefined,
      error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
      stack: cause instanceof Error ? cause.stack : undefined,
    },
    'GraphQL operation failed unexpectedly',
  );
}

/** Reasons of a store refusing writes for now (see the SQLite adapters' faults): answered 503. */
const storeRefusal = /^(event_store|read_store)\.(disk_full|read_only|io_error)$/;

/** Logs unknown errors with their cause and correlation id, and names that id in the masked message. */
export const errorMappingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors, operationName }) {
        for (const error of errors) if (!isExpectedError(error)) logUnexpected(error, contextValue.correlationId, operationName);
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => withCorrelationId(error, contextValue.correlationId));
        // A store that refuses writes (a full disk) is the server's state, not the request's: 503, as for webhooks.
        if (response.body.singleResult.errors.some((error) => storeRefusal.test(String(error.extensions?.reason ?? '')))) response.http.status = 503;
      },
    };
  },
};

/** For transports outside Apollo (graphql-ws): the same mapping, logging and correlation id. */
export function formatForClient(error: GraphQLError, correlationId: string): GraphQLFormattedError {
  if (!isExpectedError(error)) logUnexpected(error, correlationId);
  const formatted = error.toJSON();
  const withCode = { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? internalCode } };
  return withCorrelationId(formatError(withCode, error), correlationId);
}
