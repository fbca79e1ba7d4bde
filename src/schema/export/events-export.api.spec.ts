import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';

describe('GET /export/events.ndjson', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    await api.given('Audit-1', [
      { type: 'NoteTaken', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'corr-a' },
      { type: 'NoteAmended', occurredAt: '2026-01-06T10:00:00.000Z', correlationId: 'corr-a' },
    ]);
    await api.given('Memo-1', [{ type: 'NoteTaken', occurredAt: '2026-02-11T10:00:00.000Z' }]);
    await api.given('Audit-2', [{ type: 'NoteTaken', occurredAt: '2026-03-01T10:00:00.000Z' }]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const exportOf = (query: string, headers: Record<string, string> = api.authorization()) => fetch(`${api.url}/export/events.ndjson?${query}`, { headers });

  it('streams one JSON event per line with the filters of the events query', async () => {
    const response = await exportOf('categories=Audit&types=NoteTaken&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).split('\n');
    expect(lines.at(-1)).toBe('');
    const events = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(events).toEqual([
      expect.objectContaining({ stream: 'Audit-1', type: 'NoteTaken', revision: '0', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'corr-a' }),
    ]);
    expect(events[0].position).toMatch(/^\d+$/);
  });

  it('accepts lists as repeated or comma-separated parameters', async () => {
    const response = await exportOf('streams=Memo-1,Audit-2&streams=Audit-1&types=NoteTaken');
    const streams = (await response.text()).trim().split('\n').map((line) => JSON.parse(line).stream);
    expect(streams).toEqual(['Audit-1', 'Memo-1', 'Audit-2']);
  });

  it('streams a log longer than one store read, and keeps serving after a client hangs up mid-stream', async () => {
    const bulk = Array.from({ length: 2_500 }, (_, index) => ({ type: 'BulkNoted', data: { index, text: 'x'.repeat(500) } }));
    for (let from = 0; from < bulk.length; from += 500) await api.given(`Bulk-${from}`, bulk.slice(from, from + 500));

    const whole = await exportOf('types=BulkNoted');
    const indexes = (await whole.text()).trim().split('\n').map((line) => JSON.parse(line).data.index);
    expect(indexes).toEqual(bulk.map((_, index) => index));

    const partial = await exportOf('types=BulkNoted', { ...api.authorization() });
    const reader = partial.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });

  it('needs an API key', async () => {
    const response = await exportOf('types=NoteTaken', {});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('refuses an instant without a time zone with 400', async () => {
    const response = await exportOf('from=2026-01-01');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'input.invalid_instant' } }] });
  });
});
