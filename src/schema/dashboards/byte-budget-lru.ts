/** Approximate bytes of a value: its JSON, bigints as their digits. */
export function approximateBytes(value: unknown): number {
  const json = JSON.stringify(value, (_, field: unknown) => (typeof field === 'bigint' ? field.toString() : field));
  return 2 * (json?.length ?? 0) + 64;
}

interface Entry<V> {
  readonly value: V;
  bytes: number;
}

/**
 * Values by key, bounded by the bytes they weigh, least recently used out first. An entry may weigh
 * nothing until it is weighed (a value still being computed); a value heavier than the whole
 * budget is not kept. The KPI cache and the response cache both keep their entries here.
 */
export class ByteBudgetLru<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private totalBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, bytes = 0): void {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    this.evictBeyondBudget(key);
  }

  /** Gives the entry its weight once known, if `key` still holds `value`. */
  weigh(key: string, value: V, bytes: number): void {
    const entry = this.entries.get(key);
    if (entry?.value !== value) return;
    this.totalBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.evictBeyondBudget(key);
  }

  /** Forgets `key` (only while it holds `value`, when given). */
  delete(key: string, value?: V): void {
    const entry = this.entries.get(key);
    if (!entry || (value !== undefined && entry.value !== value)) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
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

  /** Drops least recently used entries until the rest fit; one heavier than the whole budget is dropped alone. */
  private evictBeyondBudget(justKept: string): void {
    if (this.entries.get(justKept)!.bytes > this.maxBytes) return this.delete(justKept);
    for (const [key, entry] of this.entries) {
      if (this.totalBytes <= this.maxBytes) return;
      if (key === justKept) continue;
      this.entries.delete(key);
      this.totalBytes -= entry.bytes;
    }
  }
}
