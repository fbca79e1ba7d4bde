import { UpstreamError } from '../../core/errors';
import { toolLabels, type ToolName } from '../tool-names';

/*
 * The one HTTP layer every tool client is built on (`ToolHttpClient` in tool-http.client.ts): one
 * exchange with a timeout, the classification of what came back, the tool's own message and its
 * Retry-After. Backoff is in tool-retry.ts.
 */

export { toolLabels, type ToolName } from '../tool-names';

export type ToolFailure = 'rejected' | 'unavailable' | 'rate_limited' | 'timeout' | 'network' | 'unexpected_response';

interface ToolErrorFacts {
  readonly tool: ToolName;
  readonly failure: ToolFailure;
  readonly status: number | null;
  /** What the tool said (its error message or body), for the operator. */
  readonly toolMessage: string;
  /** Trying again later may succeed (429, 5xx, timeouts, network). */
  readonly retryable: boolean;
  /** The tool may have acted although we got no answer (a timeout, a dropped connection). */
  readonly ambiguous: boolean;
  readonly retryAfterMs: number | null;
}

/**
 * A business tool refused or failed a call. `kind` is `upstream`; the workflow engine fails the
 * run at once when `retryable` is false (400, 401, 403, 404…) and retries the step otherwise.
 */
export class ToolError extends UpstreamError {
  readonly tool: ToolName;
  readonly failure: ToolFailure;
  readonly status: number | null;
  readonly toolMessage: string;
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  readonly retryAfterMs: number | null;

  constructor(facts: ToolErrorFacts, options?: { cause?: unknown }) {
    const status = facts.status === null ? '' : ` ${facts.status}`;
    super(`workflow.tool_${facts.failure}`, `${toolLabels[facts.tool]} answered${status}: ${facts.toolMessage}`, { tool: facts.tool, status: facts.status }, options);
    this.tool = facts.tool;
    this.failure = facts.failure;
    this.status = facts.status;
    this.toolMessage = facts.toolMessage;
    this.retryable = facts.retryable;
    this.ambiguous = facts.ambiguous;
    this.retryAfterMs = facts.retryAfterMs;
  }
}

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** `manual` refuses to follow redirects (Slack's official client does the same). */
  readonly redirect?: 'follow' | 'manual';
  /** Aborts the request when its owner stops (a sync job shutting down). */
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export type FetchFunction = typeof fetch;

/** One HTTP exchange with a timeout; transport failures become `ToolError`s, statuses are returned. */
export async function sendRequest(tool: ToolName, request: HttpRequest, fetchImpl: FetchFunction = fetch): Promise<HttpResponse> {
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: request.redirect ?? 'follow',
      signal: request.signal ? AbortSignal.any([AbortSignal.timeout(request.timeoutMs), request.signal]) : AbortSignal.timeout(request.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    throw transportError(tool, request, error);
  }
}

function transportError(tool: ToolName, request: HttpRequest, error: unknown): ToolError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    const toolMessage = `no answer within ${request.timeoutMs} ms to ${request.method} ${redactedUrl(request.url)}`;
    return new ToolError({ tool, failure: 'timeout', status: null, toolMessage, retryable: true, ambiguous: true, retryAfterMs: null }, { cause: error });
  }
  const code = causeCode(error);
  // A refused or unresolvable connection never reached the tool, so it cannot have acted.
  const reachedTool = code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EAI_AGAIN';
  const toolMessage = `${request.method} ${redactedUrl(request.url)} failed: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  return new ToolError({ tool, failure: 'network', status: null, toolMessage, retryable: true, ambiguous: reachedTool, retryAfterMs: null }, { cause: error });
}

function causeCode(error: unknown): string | null {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : null;
}

/** Webhook URLs carry their secret in the path: only scheme and host are ever shown. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}

/** Throws the classified `ToolError` unless the status is one of `expected`. */
export function expectStatus(tool: ToolName, response: HttpResponse, expected: readonly number[]): HttpResponse {
  if (expected.includes(response.status)) return response;
  throw classifyResponse(tool, response);
}

/** 429 and 5xx (and 408) may pass on a later try; every other status is the tool's final word. */
export function classifyResponse(tool: ToolName, response: HttpResponse): ToolError {
  const { status } = response;
  const toolMessage = messageOf(response);
  if (status === 429) {
    return new ToolError({ tool, failure: 'rate_limited', status, toolMessage, retryable: true, ambiguous: false, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) });
  }
  if (status >= 500 || status === 408) {
    return new ToolError({ tool, failure: 'unavailable', status, toolMessage, retryable: true, ambiguous: false, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) });
  }
  const failure: ToolFailure = status >= 400 ? 'rejected' : 'unexpected_response';
  return new ToolError({ tool, failure, status, toolMessage, retryable: false, ambiguous: false, retryAfterMs: null });
}

/** `Retry-After` as delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: () => number = Date.now): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now());
}

/** The tool's own words in an error body (`message`, `error`, `errors`…). */
export function messageOf(response: HttpResponse): string {
  return toolMessage(response.text);
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

/** Parses a JSON body, or throws an `unexpected_response` error naming what was expected. */
export function jsonOf<T>(tool: ToolName, response: HttpResponse, what: string): T {
  try {
    return JSON.parse(response.text) as T;
  } catch (error) {
    const toolMessage = `expected ${what} as JSON, got "${response.text.slice(0, 80)}"`;
    throw new ToolError({ tool, failure: 'unexpected_response', status: response.status, toolMessage, retryable: false, ambiguous: false, retryAfterMs: null }, { cause: error });
  }
}
