import type { ServerResponse } from 'node:http';
import { sendJson } from '../../http/http-server';
import { TokenBucket } from '../../ingest/quarantine/token-bucket';
import type { ApiLimits } from './api-limits.config';

/** Keys remembered at most; a full table is cleared, which only forgives (never blocks) a key. */
const maxTrackedKeys = 10_000;

/**
 * Per-API-key token buckets: `rateBurst` requests at once, refilled at `ratePerMinute`. GraphQL over
 * HTTP, the export and each WebSocket subscription take one token; without one the caller gets 429
 * `RATE_LIMITED` with `Retry-After`. Requests with a token are worked on `maxConcurrentPerKey` at a time.
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly slots = new Map<string, { inFlight: number; waiting: Array<() => void> }>();

  constructor(
    private readonly limits: Pick<ApiLimits, 'ratePerMinute' | 'rateBurst' | 'maxConcurrentPerKey'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `keyId`; false when the key is over its rate. */
  take(keyId: string): boolean {
    let bucket = this.buckets.get(keyId);
    if (!bucket) {
      if (this.buckets.size >= maxTrackedKeys) this.buckets.clear();
      bucket = new TokenBucket(this.limits.rateBurst, (this.limits.rateBurst / this.limits.ratePerMinute) * 60_000, this.now());
      this.buckets.set(keyId, bucket);
    }
    return bucket.take(this.now());
  }

  /**
   * Waits until `keyId` has fewer than `maxConcurrentPerKey` requests in flight, then admits one:
   * however fast a key sends, the server works on a few of its requests at a time (the rate's
   * tokens bound how many can wait). Returns the release to call once the answer is sent.
   */
  async enter(keyId: string): Promise<() => void> {
    const slot = this.slots.get(keyId) ?? { inFlight: 0, waiting: [] as Array<() => void> };
    this.slots.set(keyId, slot);
    if (slot.inFlight >= this.limits.maxConcurrentPerKey) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    else slot.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slot.waiting.shift();
      if (next) return next(); // the slot passes to the next waiting request
      slot.inFlight--;
      if (slot.inFlight === 0) this.slots.delete(keyId);
    };
  }

  /** Seconds until the next token, as `Retry-After` says it. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(60 / this.limits.ratePerMinute));
  }
}

export const rateLimitedMessage = 'Too many requests for this API key; slow down and retry after the Retry-After seconds';

/** 429 with a GraphQL-shaped body, as the 401 answers are. */
export function sendRateLimited(response: ServerResponse, limiter: KeyRateLimiter): void {
  response.setHeader('retry-after', String(limiter.retryAfterSeconds));
  sendJson(response, 429, { errors: [{ message: rateLimitedMessage, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: limiter.retryAfterSeconds } }] });
}
