import { ByteBudgetLru } from './byte-budget-lru';

/** What cached responses may take in memory (their JSON as UTF-16, see `approximateBytes`). */
export const defaultResponseCacheBytes = 32 * 2 ** 20;

/**
 * Whole dashboard responses, exact: the same document and variables, asked by the same role, at
 * the same read-model positions on the same business date, is the same answer — served without
 * executing it. Old positions are never asked for again and age out, least recently used first;
 * bounded by the bytes of the responses held. Only responses without errors are kept.
 *
 * Each response's JSON body is kept beside its data: a cached answer is sent without serialising
 * it again (Apollo's `stringifyResult` asks `bodyOf`) — 1.1 ms per call for the ten-year store's
 * 190 KB service-delivery answer.
 */
export class ResponseCache {
  private readonly responses: ByteBudgetLru<Record<string, unknown>>;
  private readonly bodies = new WeakMap<object, string>();

  constructor(maxBytes = defaultResponseCacheBytes) {
    this.responses = new ByteBudgetLru(maxBytes);
  }

  get(key: string): Record<string, unknown> | undefined {
    return this.responses.get(key);
  }

  set(key: string, data: Record<string, unknown>): void {
    const body = `${JSON.stringify({ data })}\n`;
    this.bodies.set(data, body);
    // The data and its body, each about its JSON's length in UTF-16.
    this.responses.set(key, data, 4 * body.length + 2 * key.length + 64);
  }

  /**
   * The HTTP body of a result whose data is a response held here, with nothing else in it — as
   * Apollo would write it (`JSON.stringify` of `{ data }` and a newline) — or undefined.
   */
  bodyOf(result: { readonly data?: unknown; readonly errors?: unknown; readonly extensions?: unknown }): string | undefined {
    if (result.errors !== undefined || result.extensions !== undefined || typeof result.data !== 'object' || result.data === null) return undefined;
    return this.bodies.get(result.data);
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
