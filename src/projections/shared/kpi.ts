import { type Period, type ResolvedPeriod, resolvePeriod } from '../../core/business-time';
import type { ReadDocument, ReadStore } from '../../core/read-store.port';

/** What every KPI query needs: where the read models are and how to read a period. */
export interface KpiContext {
  readonly reads: ReadStore;
  readonly timeZone: string;
  /** ISO 4217 code KPIs are computed in (BUSINESS_BASE_CURRENCY); AUD when absent. */
  readonly baseCurrency?: string;
}

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
  documents: readonly ReadDocument[],
  value: T,
): Promise<KpiResult<T>> {
  const eventCount = documents.reduce((total, document) => total + (typeof document._events === 'number' ? document._events : 0), 0);
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
