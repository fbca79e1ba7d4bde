import type { AppServices } from '../../app-services';

const defaultCapacity = 2_000;

/**
 * KPI values are a pure function of (KPI, period, read-model positions), so a value computed once
 * serves every request until a read model moves. Keys carry the positions: after an event is
 * applied, old entries are never asked for again and age out (least recently used first).
 * In-flight computations are shared too, so a burst of identical requests reads the store once.
 */
export class KpiCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly services: Pick<AppServices, 'projections'>,
    private readonly capacity = defaultCapacity,
  ) {}

  /** Where every read model stands now: the part of each key that moves with the log. */
  positions(): string {
    return this.services.projections
      .status()
      .map((status) => `${status.name}@${status.position ?? '-'}`)
      .join(',');
  }

  get<V>(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key) as Promise<V> | undefined;
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = compute();
    this.entries.set(key, computed);
    // A failure is not a value: the next request tries again.
    computed.catch(() => this.entries.get(key) === computed && this.entries.delete(key));
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }

  /** Forgets every value (benchmarks measure uncached dashboards with it). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

// One cache per composed app; a WeakMap so a stopped app's cache goes with it.
const caches = new WeakMap<AppServices, KpiCache>();

export function kpiCacheOf(services: AppServices): KpiCache {
  let cache = caches.get(services);
  if (!cache) {
    cache = new KpiCache(services);
    caches.set(services, cache);
  }
  return cache;
}
