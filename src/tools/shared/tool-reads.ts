import { UpstreamError } from '../../core/errors';

export interface SyncHttpOptions {
  /** Names the tool in errors: "invoiceninja answered 401: Invalid token". */
  readonly tool: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly baseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the run fails and the next one tries again. */
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Aborts requests in flight when the job stops. */
  readonly signal?: AbortSignal;
}

export interface JsonRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

type Attempt = { readonly value: unknown } | { readonly retryAfterMs: number | null; readonly error: UpstreamError };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GETs JSON from a tool's REST API. Timeouts, network errors, 429 and 5xx are retried with
 * exponential backoff (a 429's Retry-After is honoured); 401/403 and other 4xx fail at once
 * with the tool's own message, since retrying cannot fix credentials or a bad request.
 */
export class SyncHttpClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: SyncHttpOptions) {
    this.sleep = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
  }

  async getJson<T>(request: JsonRequest): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request);
      if ('value' in result) return result.value as T;
      if (attempt >= this.options.maxAttempts || result.error.details.retryable !== true) throw result.error;
      await this.sleep(result.retryAfterMs ?? this.backoff(attempt));
    }
  }

  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 500;
    return Math.min(30_000, base * 2 ** (attempt - 1)) * (0.5 + this.random() / 2);
  }

  private async attempt(request: JsonRequest): Promise<Attempt> {
    const { tool, timeoutMs } = this.options;
    const signals = [AbortSignal.timeout(timeoutMs), ...(this.options.signal ? [this.options.signal] : [])];
    let response: Response;
    try {
      response = await fetch(request.url, { headers: { accept: 'application/json', ...request.headers }, signal: AbortSignal.any(signals) });
    } catch (cause) {
      if (this.options.signal?.aborted) throw new UpstreamError('sync.stopped', `${tool} sync stopped`, { retryable: false }, { cause });
      const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
      const message = timedOut ? `${tool} did not answer within ${timeoutMs} ms` : `${tool} could not be reached: ${describe(cause)}`;
      return { retryAfterMs: null, error: new UpstreamError(timedOut ? 'sync.timeout' : 'sync.unreachable', message, { retryable: true }, { cause }) };
    }
    const text = await response.text();
    if (response.ok) return this.parsed(text, request.url);
    const retryAfterMs = this.retryAfter(response);
    const cap = this.options.maxRetryAfterMs ?? 120_000;
    if (retryAfterMs !== null && retryAfterMs > cap) return { retryAfterMs: null, error: this.statusError(response.status, text, retryAfterMs) };
    return { retryAfterMs, error: this.statusError(response.status, text) };
  }

  private parsed(text: string, url: string): Attempt {
    try {
      return { value: text.length === 0 ? null : (JSON.parse(text) as unknown) };
    } catch (cause) {
      return { retryAfterMs: null, error: new UpstreamError('sync.invalid_json', `${this.options.tool} answered ${url} with something that is not JSON`, { retryable: false }, { cause }) };
    }
  }

  /** A wait longer than the cap is not waited for: the run fails and a later run tries again. */
  private statusError(status: number, body: string, tooLongMs: number | null = null): UpstreamError {
    const retryable = tooLongMs === null && (status === 429 || status >= 500);
    const code = status === 401 || status === 403 ? 'sync.unauthorized' : status === 429 ? 'sync.rate_limited' : `sync.http_${status}`;
    const wait = tooLongMs === null ? '' : ` (retry after ${Math.ceil(tooLongMs / 1000)} s)`;
    return new UpstreamError(code, `${this.options.tool} answered ${status}: ${toolMessage(body)}${wait}`, { status, retryable });
  }

  /** Seconds or an HTTP date. */
  private retryAfter(response: Response): number | null {
    const header = response.headers.get('retry-after');
    if (response.status !== 429 || header === null) return null;
    const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
    return Number.isFinite(ms) ? Math.max(0, ms) : null;
  }
}

/** Tools put their message in different keys (`message`, `error`, `Detail`…); else the body's start. */
export function toolMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail', 'Detail', 'Message', 'errors']) {
      const value = parsed[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string' && first.trim()) return first.trim();
      if (first && typeof first === 'object' && typeof (first as { message?: unknown }).message === 'string') return (first as { message: string }).message;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  return body.trim().slice(0, 200) || '(empty body)';
}

function describe(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : null;
  return inner ?? (cause instanceof Error ? cause.message : String(cause));
}
