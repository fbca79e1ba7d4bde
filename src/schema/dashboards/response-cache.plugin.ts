import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { businessDate } from '../../core/business-time';
import type { GraphQLContext } from '../context';

/** Root fields whose answer is a function of their arguments, the read models' positions and the business date. */
const cacheableRoots = new Set(['serviceDeliveryDashboard', 'financialDashboard', 'clientsSupportDashboard', 'salesPipelineDashboard', 'operationsDashboard', 'kpiSeries', 'kpiTargets']);
/** Fields judged against the clock (sync health, projection lag): a response selecting one is never cached. */
const liveFields: Readonly<Record<string, ReadonlySet<string>>> = { operationsDashboard: new Set(['syncStatus', 'projectionLag']) };

/**
 * True when every root field is a dashboard, series or targets field without an `asOf` (null or an
 * absent variable is none; as-of answers
 * replay a store of their own) and no live field is selected. Fragments at the first two levels
 * make it uncacheable rather than followed.
 */
export function isCacheableOperation(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> = {}): boolean {
  if (operation.operation !== 'query') return false;
  const absent = (value: ValueNode) => value.kind === Kind.NULL || (value.kind === Kind.VARIABLE && variables[value.name.value] == null);
  return operation.selectionSet.selections.every((selection) => {
    if (selection.kind !== Kind.FIELD || !cacheableRoots.has(selection.name.value)) return false;
    if (selection.arguments?.some((argument) => argument.name.value === 'asOf' && !absent(argument.value))) return false;
    const live = liveFields[selection.name.value];
    return !live || (selection.selectionSet !== undefined && selectsNone(selection.selectionSet, live));
  });
}

const selectsNone = (selectionSet: SelectionSetNode, names: ReadonlySet<string>) =>
  selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && !names.has(selection.name.value));

function keyOf(request: GraphQLRequestContext<GraphQLContext>): string | null {
  const { operation, contextValue, source } = request;
  if (!operation || !source || !contextValue.principal || !isCacheableOperation(operation, request.request.variables ?? {})) return null;
  const { services } = contextValue;
  const today = businessDate(services.clock(), services.kpi.timeZone);
  return [contextValue.principal.role, today, services.kpiCache.positions(), request.operationName ?? '', JSON.stringify(request.request.variables ?? {}), source].join('\u0000');
}

/** Serves a cached dashboard response, or keeps the one just executed. */
export const responseCachePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    let key: string | null = null;
    let served = false;
    return {
      async responseForOperation(request) {
        key = keyOf(request);
        const data = key === null ? undefined : request.contextValue.services.responseCache.get(key);
        served = data !== undefined;
        return data ? { http: request.response.http, body: { kind: 'single', singleResult: { data } } } : null;
      },
      async willSendResponse(request) {
        const { body } = request.response;
        if (key === null || served || body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
        request.contextValue.services.responseCache.set(key, body.singleResult.data);
      },
    };
  },
};
