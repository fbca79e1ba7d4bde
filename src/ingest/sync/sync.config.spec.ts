import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config';
import { loadSyncConfig } from './sync.config';

describe('sync configuration', () => {
  it('disables every sync without credentials and says which variables are missing', () => {
    const config = loadSyncConfig({});
    expect(config.tools.plane).toEqual({ tool: 'plane', enabled: false, intervalSeconds: 900, missing: ['PLANE_API_URL', 'PLANE_API_KEY', 'PLANE_WORKSPACE'] });
    expect(config.tools.xero).toEqual({ tool: 'xero', enabled: false, intervalSeconds: 600, missing: ['XERO_ACCESS_TOKEN', 'XERO_TENANT_ID'] });
    expect([config.enabled, config.timeoutMs, config.maxAttempts, config.maxPagesPerRun]).toEqual([true, 15_000, 4, 50]);
  });

  it('enables a tool whose credentials are all set, with its interval and the URL without a trailing slash', () => {
    const config = loadSyncConfig({ INVOICENINJA_API_URL: 'https://billing.example/', INVOICENINJA_API_TOKEN: 'secret', SYNC_INVOICENINJA_INTERVAL_SECONDS: '120' });
    expect(config.tools.invoiceninja).toEqual({
      tool: 'invoiceninja',
      enabled: true,
      intervalSeconds: 120,
      credentials: { apiUrl: 'https://billing.example', apiToken: 'secret' },
    });
  });

  it('uses the public Xero API host unless told otherwise', () => {
    const config = loadSyncConfig({ XERO_ACCESS_TOKEN: 'token', XERO_TENANT_ID: 'tenant' });
    expect(config.tools.xero).toMatchObject({ enabled: true, credentials: { apiUrl: 'https://api.xero.com' } });
  });

  it('reports every bad setting at once', () => {
    const load = () => loadSyncConfig({ MAUTIC_API_URL: 'mautic.local', MAUTIC_USERNAME: 'u', MAUTIC_PASSWORD: 'p', SYNC_HTTP_TIMEOUT_MS: '5', SYNC_CHATWOOT_INTERVAL_SECONDS: 'often', SYNC_ENABLED: 'yes' });
    expect(load).toThrow(ConfigError);
    const problems = (() => {
      try {
        load();
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual([
      'SYNC_CHATWOOT_INTERVAL_SECONDS must be a whole number from 30 to 86400, got "often"',
      'MAUTIC_API_URL must be an http(s) URL, got "mautic.local"',
      'SYNC_ENABLED must be true or false, got "yes"',
      'SYNC_HTTP_TIMEOUT_MS must be a whole number from 100 to 300000, got "5"',
    ]);
  });
});
