import { approximateBytes, ByteBudgetLru } from './byte-budget-lru';

/** What cached responses may take in memory (their JSON as UTF-16, see `approximateBytes`). */
export const defaultResponseCacheBytes = 32 * 2 ** 20;

/**
 * Whole dashboard responses, exact: the same document and variables, asked by the same role, at
 * the same read-model positions on the same business date, is the same answer — served without
 * executing it. Old positions are never asked for again and age out, least recently used first;
 * bounded by the bytes of the responses held. Only responses without errors are kept.
 */
export class ResponseCache {
  private readonly responses: ByteBudgetLru<Record<string, unknown>>;

  constructor(maxBytes = defaultResponseCacheBytes) {
    this.responses = new ByteBudgetLru(maxBytes);
  }

  get(key: string): Record<string, unknown> | undefined {
    return this.responses.get(key);
  }

  set(key: string, data: Record<string, unknown>): void {
    this.responses.set(key, data, approximateBytes(data) + 2 * key.length);
  }

  clear(): void {
    this.responses.clear();
  }

  get size(): number {
    return this.responses.size;
  }

  get bytes(): number {
    return this.responses.bytes;
  }
}
