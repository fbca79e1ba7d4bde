import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { FakeToolServer, recordingSleep } from '../../testing/tools/fake-tool-server';
import { ToolHttpClient } from './tool-http.client';

describe('sync HTTP client', () => {
  let server: FakeToolServer;
  let waits: ReturnType<typeof recordingSleep>;
  let client: ToolHttpClient;

  beforeEach(async () => {
    server = await FakeToolServer.start(() => ({ body: { data: [1, 2] } }));
    waits = recordingSleep();
    client = new ToolHttpClient({ tool: 'invoiceninja', timeoutMs: 200, maxAttempts: 3, baseDelayMs: 100, sleep: waits.sleep, random: () => 1 });
  });
  afterEach(() => server.close());

  async function failure(): Promise<AppError> {
    const error = await client.getJson({ url: `${server.url}/api/v1/invoices` }).then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('returns the JSON body and sends the headers given', async () => {
    expect(await client.getJson({ url: `${server.url}/api/v1/invoices`, headers: { 'x-api-token': 't0k3n' } })).toEqual({ data: [1, 2] });
    expect(server.requests[0]!.headers['x-api-token']).toBe('t0k3n');
  });

  it("fails at once on 401 with the tool's own message", async () => {
    server.answerNext({ status: 401, body: { message: 'Invalid token' } });
    const error = await failure();
    expect([error.code, error.message, server.requests.length]).toEqual(['sync.unauthorized', 'invoiceninja answered 401: Invalid token', 1]);
  });

  it('waits what a 429 asks in Retry-After, then succeeds', async () => {
    server.answerNext({ status: 429, headers: { 'retry-after': '2' }, body: { message: 'Too many requests' } });
    expect(await client.getJson({ url: `${server.url}/x` })).toEqual({ data: [1, 2] });
    expect(waits.waits).toEqual([2_000]);
  });

  it('does not wait for a Retry-After beyond its cap: the run fails and a later one retries', async () => {
    server.answerNext({ status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' });
    const error = await failure();
    expect([error.code, error.message, waits.waits]).toEqual(['sync.rate_limited', 'invoiceninja answered 429: slow down (retry after 3600 s)', []]);
  });

  it('retries a 500 with exponential backoff', async () => {
    server.answerNext({ status: 500, body: 'oops' }, 2);
    expect(await client.getJson({ url: `${server.url}/x` })).toEqual({ data: [1, 2] });
    expect(waits.waits).toEqual([100, 200]);
  });

  it('gives up after the last attempt with the last error', async () => {
    server.answerNext({ status: 503, body: { error: 'maintenance' } }, 3);
    const error = await failure();
    expect([error.code, error.message, server.requests.length]).toEqual(['sync.http_503', 'invoiceninja answered 503: maintenance', 3]);
  });

  it('retries a request that times out', async () => {
    server.answerNext({ hang: true });
    expect(await client.getJson({ url: `${server.url}/x` })).toEqual({ data: [1, 2] });
    expect(server.requests.length).toBe(2);
  });

  it('reports a tool that never answers as a timeout', async () => {
    server.answerNext({ hang: true }, 3);
    const error = await failure();
    expect([error.code, error.message]).toEqual(['sync.timeout', 'invoiceninja did not answer within 200 ms']);
  });

  it('does not retry other client errors', async () => {
    server.answerNext({ status: 422, body: { errors: [{ message: 'per_page must be at most 100' }] } });
    const error = await failure();
    expect([error.code, error.message, server.requests.length]).toEqual(['sync.http_422', 'invoiceninja answered 422: per_page must be at most 100', 1]);
  });
});
