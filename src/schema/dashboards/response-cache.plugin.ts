import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { businessDate } from '../../core/business-time';
import type { GraphQLContext } from '../context';
import { approximateBytes } from './kpi-cache';
import { kpiCacheOf } from './kpi-cache';

/** What cached responses may take in memory (their JSON as UTF-16, see `approximateBytes`). */
export const defaultResponseCacheBytes = 32 * 2 ** 20;

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

interface Entry {
  readonly data: Record<string, unknown>;
  readonly bytes: number;
}

/**
 * Whole dashboard responses, exact: the same document and variables, asked by the same role, at
 * the same read-model positions on the same business date, is the same answer — served without
 * executing it. Old positions are never asked for again and age out, least recently used first;
 * bounded by the bytes of the responses held. Only responses without errors are kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor(private readonly maxBytes = defaultResponseCacheBytes) {}

  get(key: string): Record<string, unknown> | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.data;
  }

  set(key: string, data: Record<string, unknown>): void {
    const bytes = approximateBytes(data) + 2 * key.length;
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.totalBytes -= previous.bytes;
    this.entries.set(key, { data, bytes });
    this.totalBytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.totalBytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.totalBytes -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }
}

type AppServices = GraphQLContext['services'];

const caches = new WeakMap<AppServices, ResponseCache>();

/** The composed app's response cache (one per app, gone with it). */
export function responseCacheOf(services: AppServices): ResponseCache {
  let cache = caches.get(services);
  if (!cache) caches.set(services, (cache = new ResponseCache()));
  return cache;
}

function keyOf(request: GraphQLRequestContext<GraphQLContext>): string | null {
  const { operation, contextValue, source } = request;
  if (!operation || !source || !contextValue.principal || !isCacheableOperation(operation, request.request.variables ?? {})) return null;
  const { services } = contextValue;
  const today = businessDate(services.clock(), services.kpi.timeZone);
  return [contextValue.principal.role, today, kpiCacheOf(services).positions(), request.operationName ?? '', JSON.stringify(request.request.variables ?? {}), source].join('\u0000');
}

/** Serves a cached dashboard response, or keeps the one just executed. */
export const responseCachePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    let key: string | null = null;
    let served = false;
    return {
      async responseForOperation(request) {
        key = keyOf(request);
        const data = key === null ? undefined : responseCacheOf(request.contextValue.services).get(key);
        served = data !== undefined;
        return data ? { http: request.response.http, body: { kind: 'single', singleResult: { data } } } : null;
      },
      async willSendResponse(request) {
        const { body } = request.response;
        if (key === null || served || body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
        responseCacheOf(request.contextValue.services).set(key, body.singleResult.data);
      },
    };
  },
};
