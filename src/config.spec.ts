import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readDotEnv } from './config';

describe('configuration', () => {
  it('runs on the embedded store in ./data on port 4000 when nothing is configured', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, eventStoreUrl: null, mongodbUrl: null, businessTimeZone: 'Australia/Brisbane', sqliteSynchronous: 'FULL' });
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
  });

  it('reports every invalid setting at once, one line each', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', EVENTSTORE_URL: 'http://x', BUSINESS_TIME_ZONE: 'Mars/Olympus', NODE_ENV: 'staging' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be[\s\S]*EVENTSTORE_URL must be[\s\S]*BUSINESS_TIME_ZONE must be[\s\S]*NODE_ENV must be/);
  });

  it('takes production stores from their URLs', () => {
    const config = loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', MONGODB_URL: 'mongodb://localhost:27017/zixly' });
    expect(config.eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(config.mongodbUrl).toBe('mongodb://localhost:27017/zixly');
  });

  it('reads a .env file without overriding the environment', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zixly-env-')), '.env');
    writeFileSync(path, '# comment\nPORT=5000\nDATA_DIR="/tmp/zixly"\n');
    expect(readDotEnv(path, { PORT: '6000' })).toMatchObject({ PORT: '6000', DATA_DIR: '/tmp/zixly' });
  });

  it('turns GraphQL introspection off by default in production only, and lets GRAPHQL_INTROSPECTION decide', () => {
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
  });

  it('accepts a bootstrap admin key only in the zx_ format', () => {
    expect(loadConfig({ ZIXLY_ADMIN_KEY: 'zx_abcdefghijklmnopqrstuvwxyz012345' }).adminKey).toBe('zx_abcdefghijklmnopqrstuvwxyz012345');
    expect(() => loadConfig({ ZIXLY_ADMIN_KEY: 'admin' })).toThrow(/ZIXLY_ADMIN_KEY must look like zx_/);
  });
});
