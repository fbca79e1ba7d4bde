import { UpstreamError } from '../../core/errors';
import { retryAfterMs, sendRequest, toolMessage, ToolError, type FetchFunction, type HttpRequest, type HttpResponse, type ToolName } from './tool-http';
import { backoffDelayMs, realSleep, type RetryPolicy } from './tool-retry';

export interface ToolHttpOptions {
  /** Names the tool in errors: "invoiceninja answered 401: Invalid token". */
  readonly tool: ToolName;
  readonly timeoutMs: number;
  readonly fetch?: FetchFunction;
  /** Tries per read (`getJson`), the first included; 1 (no retry) unless given. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the run fails and the next one tries again. */
  readonly maxRetryAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Aborts requests in flight when their owner stops (a sync job). */
  readonly signal?: AbortSignal;
}

export interface JsonRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
}

type Attempt = { readonly value: unknown } | { readonly retryAfterMs: number | null; readonly error: UpstreamError };

/**
 * A tool's HTTP access, shared by everything that calls it: `send` is one exchange for the
 * workflows' writes (their steps decide about retries, knowing what is idempotent), `getJson` a
 * read for the pull sync and the tool probes. Reads retry timeouts, network errors, 429 and 5xx
 * with exponential backoff (a 429's Retry-After is honoured up to a cap); 401/403 and other 4xx
 * fail at once with the tool's own message, since retrying cannot fix credentials or a bad request.
 * Reads fail with the `sync.*` codes the sync runs record (`sync.unauthorized`, `sync.http_404`…).
 */
export class ToolHttpClient {
  private readonly retry: RetryPolicy;

  constructor(private readonly options: ToolHttpOptions) {
    const { sleep = realSleep, random = Math.random, baseDelayMs = 500, maxAttempts = 1 } = options;
    this.retry = { maxAttempts, baseDelayMs, maxDelayMs: 30_000, random, sleep };
  }

  get tool(): ToolName {
    return this.options.tool;
  }

  /** One exchange with the timeout; transport failures become `ToolError`s, statuses are returned. */
  send(request: Omit<HttpRequest, 'timeoutMs' | 'signal'>): Promise<HttpResponse> {
    const { timeoutMs, signal } = this.options;
    return sendRequest(this.options.tool, { ...request, timeoutMs, ...(signal ? { signal } : {}) }, this.options.fetch);
  }

  async getJson<T>(request: JsonRequest): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(request);
      if ('value' in result) return result.value as T;
      if (attempt >= this.retry.maxAttempts || result.error.details.retryable !== true) throw result.error;
      await this.retry.sleep(result.retryAfterMs ?? backoffDelayMs(this.retry, attempt, null));
    }
  }

  private async attempt(request: JsonRequest): Promise<Attempt> {
    const { tool, timeoutMs } = this.options;
    let response: HttpResponse;
    try {
      response = await this.send({ method: 'GET', url: request.url, headers: { accept: 'application/json', ...request.headers } });
    } catch (thrown) {
      const cause = thrown instanceof ToolError ? thrown.cause : thrown;
      if (this.options.signal?.aborted) throw new UpstreamError('sync.stopped', `${tool} sync stopped`, { retryable: false }, { cause });
      const timedOut = thrown instanceof ToolError && thrown.failure === 'timeout';
      const message = timedOut ? `${tool} did not answer within ${timeoutMs} ms` : `${tool} could not be reached: ${describe(cause)}`;
      return { retryAfterMs: null, error: new UpstreamError(timedOut ? 'sync.timeout' : 'sync.unreachable', message, { retryable: true }, { cause }) };
    }
    if (response.status >= 200 && response.status < 300) return this.parsed(response.text, request.url);
    const wait = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : null;
    const cap = this.options.maxRetryAfterMs ?? 120_000;
    if (wait !== null && wait > cap) return { retryAfterMs: null, error: this.statusError(response.status, response.text, wait) };
    return { retryAfterMs: wait, error: this.statusError(response.status, response.text) };
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
}

function describe(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : null;
  return inner ?? (cause instanceof Error ? cause.message : String(cause));
}
