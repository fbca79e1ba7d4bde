import { approximateBytes } from './kpi-cache';

/** What cached responses may take in memory (their JSON as UTF-16, see `approximateBytes`). */
export const defaultResponseCacheBytes = 32 * 2 ** 20;

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
