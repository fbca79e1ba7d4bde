import { describe, expect, it } from 'vitest';
import { classifyResponse, messageOf, redactedUrl, retryAfterMs, type HttpResponse } from './tool-http';

const response = (status: number, text: string, headers: Record<string, string> = {}): HttpResponse => ({ status, text, headers: new Headers(headers) });

describe('tool responses', () => {
  it('classifies 429 as retryable after Retry-After seconds', () => {
    expect(classifyResponse('slack', response(429, 'rate_limited', { 'retry-after': '3' }))).toMatchObject({ failure: 'rate_limited', retryable: true, retryAfterMs: 3_000 });
  });

  it('classifies 5xx as retryable and 4xx as final', () => {
    expect(classifyResponse('plane', response(503, 'down'))).toMatchObject({ retryable: true, ambiguous: false });
    for (const status of [400, 401, 403, 404, 410]) expect(classifyResponse('plane', response(status, 'no'))).toMatchObject({ failure: 'rejected', retryable: false });
  });

  it("keeps the tool's own message", () => {
    expect(messageOf(response(401, '{"error":"Invalid API key"}'))).toBe('Invalid API key');
    expect(messageOf(response(404, 'no_service'))).toBe('no_service');
    expect(classifyResponse('mautic', response(403, '{"errors":[{"message":"Access denied"}]}')).message).toBe('Mautic answered 403: Access denied');
  });

  it('reads Retry-After as an HTTP date too', () => {
    const now = () => Date.parse('2026-03-02T00:00:00Z');
    expect(retryAfterMs('Mon, 02 Mar 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('never shows the secret part of a webhook URL', () => {
    expect(redactedUrl('https://hooks.slack.com/services/T1/B2/secret')).toBe('https://hooks.slack.com/…');
  });
});
