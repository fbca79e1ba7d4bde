import type { ProjectionRunner } from '../../core/projection-runner';
import { approximateBytes, ByteBudgetLru } from './byte-budget-lru';

/** What the cached values may take in memory, as serialised JSON bytes (UTF-16 code units × 2). */
export const defaultMaxBytes = 64 * 2 ** 20;

/**
 * KPI values are a pure function of (KPI, period, read-model positions), so a value computed once
 * serves every request until a read model moves. Keys carry the positions: after an event is
 * applied, old entries are never asked for again and age out (least recently used first).
 * In-flight computations are shared too, so a burst of identical requests reads the store once.
 * Bounded by the bytes of the values it holds (a two-year dashboard weighs far more than a day's).
 */
export class KpiCache {
  private readonly values: ByteBudgetLru<Promise<unknown>>;

  constructor(
    private readonly projections: Pick<ProjectionRunner, 'status'>,
    maxBytes = defaultMaxBytes,
  ) {
    this.values = new ByteBudgetLru(maxBytes);
  }

  /** Where every read model stands now: the part of each key that moves with the log. */
  positions(): string {
    return this.projections
      .status()
      .map((status) => `${status.name}@${status.position ?? '-'}`)
      .join(',');
  }

  get<V>(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.values.get(key);
    if (hit) return hit as Promise<V>;
    const computed = compute();
    this.values.set(key, computed);
    computed.then(
      (value) => this.values.weigh(key, computed, approximateBytes(value)),
      // A failure is not a value: the next request tries again.
      () => this.values.delete(key, computed),
    );
    return computed;
  }

  /** Forgets every value (benchmarks measure uncached dashboards with it). */
  clear(): void {
    this.values.clear();
  }

  get size(): number {
    return this.values.size;
  }

  /** Bytes of the resolved values held. */
  get bytes(): number {
    return this.values.bytes;
  }
}
