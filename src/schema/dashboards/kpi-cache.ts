import type { ProjectionRunner } from '../../core/projection-runner';

/** What the cached values may take in memory, as serialised JSON bytes (UTF-16 code units × 2). */
export const defaultMaxBytes = 64 * 2 ** 20;

/** Approximate bytes of a value: its JSON, bigints as their digits. */
export function approximateBytes(value: unknown): number {
  const json = JSON.stringify(value, (_, field: unknown) => (typeof field === 'bigint' ? field.toString() : field));
  return 2 * (json?.length ?? 0) + 64;
}

interface Entry {
  readonly value: Promise<unknown>;
  /** Set once the value has resolved; in-flight entries weigh nothing yet. */
  bytes: number;
}

/**
 * KPI values are a pure function of (KPI, period, read-model positions), so a value computed once
 * serves every request until a read model moves. Keys carry the positions: after an event is
 * applied, old entries are never asked for again and age out (least recently used first).
 * In-flight computations are shared too, so a burst of identical requests reads the store once.
 * Bounded by the bytes of the values it holds (a two-year dashboard weighs far more than a day's).
 */
export class KpiCache {
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor(
    private readonly projections: Pick<ProjectionRunner, 'status'>,
    private readonly maxBytes = defaultMaxBytes,
  ) {}

  /** Where every read model stands now: the part of each key that moves with the log. */
  positions(): string {
    return this.projections
      .status()
      .map((status) => `${status.name}@${status.position ?? '-'}`)
      .join(',');
  }

  get<V>(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<V>;
    }
    const computed = compute();
    const entry: Entry = { value: computed, bytes: 0 };
    this.entries.set(key, entry);
    computed.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = approximateBytes(value);
        this.totalBytes += entry.bytes;
        this.evictBeyondBudget(key);
      },
      // A failure is not a value: the next request tries again.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return computed;
  }

  /** Drops least recently used values until the rest fit; a value larger than the budget alone is not kept. */
  private evictBeyondBudget(justAdded: string): void {
    for (const [key, entry] of this.entries) {
      if (this.totalBytes <= this.maxBytes) return;
      if (key === justAdded && this.entries.size > 1) continue;
      this.entries.delete(key);
      this.totalBytes -= entry.bytes;
    }
  }

  /** Forgets every value (benchmarks measure uncached dashboards with it). */
  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the resolved values held. */
  get bytes(): number {
    return this.totalBytes;
  }
}
