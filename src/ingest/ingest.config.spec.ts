import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('webhook configuration', () => {
  it('disables every tool whose secret is not set, and sends shared secrets in X-Zixly-Secret by default', () => {
    const { webhooks } = loadConfig({ WEBHOOK_SECRET_PLANE: 'plane_wh_0123456789abcdef' });
    expect(webhooks.secrets).toEqual({ plane: 'plane_wh_0123456789abcdef', chatwoot: null, invoiceninja: null, xero: null, mautic: null, nextcloud: null });
    expect(webhooks.secretHeaders).toEqual({ invoiceninja: 'x-zixly-secret', nextcloud: 'x-zixly-secret' });
    expect(webhooks).toMatchObject({ maxAttempts: 10, retryBaseMs: 5_000, quarantinePerMinute: 60 });
  });

  it('takes the secret header per tool', () => {
    const { webhooks } = loadConfig({ WEBHOOK_SECRET_HEADER_INVOICENINJA: 'X-Webhook-Token' });
    expect(webhooks.secretHeaders.invoiceninja).toBe('x-webhook-token');
  });

  it('reports a short secret, a bad header name and bad numbers, one line each', () => {
    const attempt = () =>
      loadConfig({ WEBHOOK_SECRET_XERO: 'short', WEBHOOK_SECRET_HEADER_NEXTCLOUD: 'X Secret', WEBHOOK_MAX_ATTEMPTS: '0', WEBHOOK_QUARANTINE_PER_MINUTE: 'lots', WEBHOOK_WORKER_CONCURRENCY: '0' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/WEBHOOK_SECRET_XERO must be at least 16 characters[\s\S]*WEBHOOK_SECRET_HEADER_NEXTCLOUD must be an HTTP header name[\s\S]*WEBHOOK_MAX_ATTEMPTS must be a whole number[\s\S]*WEBHOOK_QUARANTINE_PER_MINUTE[\s\S]*WEBHOOK_WORKER_CONCURRENCY must be a whole number/);
  });
});
