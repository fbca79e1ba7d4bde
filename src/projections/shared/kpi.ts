import { type Period, type ResolvedPeriod, resolvePeriod } from '../../core/business-time';
import type { ReadDocument, ReadStore } from '../../core/read-store.port';

/**
 * Where period KPIs read their facts from: pre-summed period buckets (the default), or the
 * documents themselves scanned at query time — the slower path, kept as the oracle the buckets are
 * tested against and the baseline the dashboards benchmark reports.
 */
export type KpiPath = 'buckets' | 'scan';

/** What every KPI query needs: where the read models are and how to read a period. */
export interface KpiContext {
  readonly reads: ReadStore;
  readonly timeZone: string;
  /** Default `buckets`. */
  readonly path?: KpiPath;
  /** ISO 4217 code KPIs are computed in (BUSINESS_BASE_CURRENCY); AUD when absent. */
  readonly baseCurrency?: string;
}

/** Anything that knows how many events fed it: a document (the runner's `_events`), or a pre-summed fact. */
export type EventCounted = object;

/** The events folded into a document (the runner's `_events`), 0 when it has none. */
export const eventsOf = (counted: EventCounted): number => {
  const events = (counted as { _events?: unknown })._events;
  return typeof events === 'number' ? events : 0;
};

/** A KPI value with its freshness: how many events fed it and the store position it reflects. */
export interface KpiResult<T> {
  readonly value: T;
  readonly eventCount: number;
  /** The lowest checkpoint of the read models it was computed from; null before any event. */
  readonly position: bigint | null;
}

/** The business's base currency when the context names none (BUSINESS_BASE_CURRENCY's default). */
export const defaultBaseCurrency = 'AUD';

export const baseCurrencyOf = (context: KpiContext): string => context.baseCurrency ?? defaultBaseCurrency;

export function periodOf(context: KpiContext, period: Period): ResolvedPeriod {
  return resolvePeriod(period, context.timeZone);
}

/**
 * Wraps a computed value with the number of events folded into the documents it used (the
 * runner's `_events`) and the position of the read models it read.
 */
export async function kpiResult<T>(
  context: KpiContext,
  readModels: readonly string[],
  documents: readonly EventCounted[],
  value: T,
): Promise<KpiResult<T>> {
  const eventCount = documents.reduce((total: number, document) => total + eventsOf(document), 0);
  return { value, eventCount, position: await positionOf(context.reads, readModels) };
}

export async function positionOf(reads: ReadStore, readModels: readonly string[]): Promise<bigint | null> {
  let lowest: bigint | null = null;
  for (const name of readModels) {
    const position = (await reads.checkpoint(name))?.position ?? null;
    if (position === null) return null;
    if (lowest === null || position < lowest) lowest = position;
  }
  return lowest;
}
