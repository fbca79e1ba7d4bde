import { businessDate, type Period } from '../../core/business-time';
import { type Deadline, noDeadline, yieldToLoop } from '../../core/deadline';
import type { KpiContext, KpiResult } from '../../projections/shared/kpi';
import type { SchemaServices } from '../schema-services';
import type { KpiCache } from './kpi-cache';

/** What a dashboard's KPIs are computed over: live read models, or those replayed as of an instant. */
export interface KpiScope {
  readonly context: KpiContext;
  readonly period: Period;
  /** The instant figures that need a "now" are judged at: `asOf`, or the request's time. */
  readonly at: Date;
  /** True when `context` holds read models replayed as of `at`. */
  readonly asOf: boolean;
  readonly services: SchemaServices;
  /** The request's deadline; absent outside a request (benchmarks). */
  readonly deadline?: Deadline;
}

/** A KPI value as the API serves it: already mapped for GraphQL, with its freshness. */
export interface KpiValue<V> {
  readonly value: V;
  readonly eventCount: number;
  readonly position: bigint | null;
}

export type KpiQuery<T> = (context: KpiContext, period: Period, scope: KpiScope) => Promise<KpiResult<T>>;

export interface KpiFieldOptions {
  /**
   * What the value depends on besides the KPI, the period and the read models (e.g. today's date),
   * as part of its cache key; null when it must not be cached at all (it depends on the clock).
   */
  readonly varies?: (scope: KpiScope) => string | null;
}

/** The KPIs of one request's dashboard: each computed at most once, cached across requests when live. */
export class KpiSource {
  private positions: string | null = null;

  constructor(
    readonly scope: KpiScope,
    private readonly cache: KpiCache | null,
  ) {}

  /** The same scope and cache over another period (a slot of a series). */
  over(period: Period): KpiSource {
    return new KpiSource({ ...this.scope, period }, this.cache);
  }

  evaluate<T, V>(name: string, query: KpiQuery<T>, map: (value: T) => V, options: KpiFieldOptions = {}): Promise<KpiValue<V>> {
    const compute = async () => {
      // Each KPI reads read models synchronously: the event loop runs between two of them, and a
      // request past its deadline computes no more.
      await yieldToLoop();
      (this.scope.deadline ?? noDeadline).check();
      const result = await query(this.scope.context, this.scope.period, this.scope);
      return { value: map(result.value), eventCount: result.eventCount, position: result.position };
    };
    const varies = options.varies ? options.varies(this.scope) : '';
    if (this.cache === null || varies === null) return compute();
    this.positions ??= this.cache.positions();
    const { from, to } = this.scope.period;
    return this.cache.get(`${name}|${from}|${to}|${varies}|${this.positions}`, compute);
  }
}

/** How a dashboard computes one field; `name` is the field's name (the cache key's first part). */
export type KpiField<R> = (source: KpiSource, name: string) => Promise<R>;

/** A dashboard's definition: one KPI field per field of its GraphQL type, checked by the compiler. */
export type KpiFields<D> = { readonly [K in keyof D]-?: KpiField<D[K]> };

/** A field computed by a projection query and mapped domain → GraphQL. */
export function kpiField<T, V>(query: KpiQuery<T>, map: (value: T) => V, options: KpiFieldOptions = {}): KpiField<KpiValue<V>> {
  return (source, name) => source.evaluate(name, query, map, options);
}

let lastBusinessDate = { key: '', date: '' };

/**
 * The business date of the scope's instant: today live, the asOf date otherwise. Dates change on
 * whole minutes in every time zone, so the date of the minute is remembered (each live request
 * asks for it and a time-zone conversion is not cheap).
 */
export function businessDateOf(scope: KpiScope): string {
  const key = `${scope.context.timeZone}|${Math.floor(scope.at.getTime() / 60_000)}`;
  if (lastBusinessDate.key !== key) lastBusinessDate = { key, date: businessDate(scope.at, scope.context.timeZone) };
  return lastBusinessDate.date;
}

/** For values already shaped like their GraphQL type. */
export const asIs = <T>(value: T): T => value;

/**
 * The dashboard object a query returns: each field is a getter that starts its computation the
 * first time GraphQL reads it, so only the KPIs a client selects are computed.
 */
export function lazyDashboard<D extends object>(fields: KpiFields<D>, source: KpiSource): D {
  const started = new Map<string, Promise<unknown>>();
  const dashboard = {} as D;
  for (const name of Object.keys(fields) as Array<keyof D & string>) {
    const get = () => {
      let value = started.get(name);
      if (!value) {
        value = fields[name](source, name);
        started.set(name, value);
      }
      return value;
    };
    Object.defineProperty(dashboard, name, { enumerable: true, get });
  }
  return dashboard;
}
