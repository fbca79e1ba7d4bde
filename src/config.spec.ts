import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readDotEnv } from './config';

/** The problems loadConfig reports, or none when it accepts the settings. */
function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** The variables loadConfig reads, with everything unset and with everything set (so optional parts read theirs too). */
function variablesRead(): Set<string> {
  const seen = new Set<string>();
  for (const answer of [undefined, 'https://example.com/value-long-enough']) {
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        if (typeof name === 'string') seen.add(name);
        return answer;
      },
    });
    problemsOf(env);
  }
  return seen;
}

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

  it('logs at info, waits for projections up to 1,000 events behind, serves metrics, gives a stop 25 seconds and a request 30 seconds by default', () => {
    expect(loadConfig({}).ops).toEqual({ logLevel: 'info', projectionLagThreshold: 1_000, metricsEnabled: true, workerPort: null, shutdownTimeoutMs: 25_000, httpRequestTimeoutMs: 30_000, httpWriteTimeoutMs: 30_000 });
    expect(loadConfig({ NODE_ENV: 'test' }).ops.logLevel).toBe('warn');
  });

  it('takes the operational settings from the environment', () => {
    const env = { LOG_LEVEL: 'DEBUG', PROJECTION_LAG_THRESHOLD: '0', METRICS_ENABLED: 'false', WORKER_PORT: '4001', SHUTDOWN_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_WRITE_TIMEOUT_MS: '3000' };
    expect(loadConfig(env).ops).toEqual({ logLevel: 'debug', projectionLagThreshold: 0, metricsEnabled: false, workerPort: 4001, shutdownTimeoutMs: 5_000, httpRequestTimeoutMs: 2_000, httpWriteTimeoutMs: 3_000 });
  });

  it('reports each invalid operational setting on its own line', () => {
    const problems = problemsOf({ LOG_LEVEL: 'loud', PROJECTION_LAG_THRESHOLD: '20000', METRICS_ENABLED: 'yes', WORKER_PORT: 'x', SHUTDOWN_TIMEOUT_MS: '10', HTTP_REQUEST_TIMEOUT_MS: 'soon' });
    expect(problems).toEqual([
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'METRICS_ENABLED must be true or false, got "yes"',
      'PROJECTION_LAG_THRESHOLD must be a whole number from 0 to 10000 (events behind the log), got "20000"',
      'WORKER_PORT must be a whole number from 0 to 65535, got "x"',
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 1000 to 600000, got "10"',
      'HTTP_REQUEST_TIMEOUT_MS must be a whole number from 1000 to 600000, got "soon"',
    ]);
  });

  it('documents in .env.example every variable it reads, and only those', () => {
    const documented = readFileSync(join(__dirname, '../.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^#?([A-Z][A-Z0-9_]+)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);

    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
    expect([...documented].sort()).toEqual([...variablesRead()].sort());
  });

  it('accepts a bootstrap admin key only in the zx_ format', () => {
    expect(loadConfig({ ZIXLY_ADMIN_KEY: 'zx_abcdefghijklmnopqrstuvwxyz012345' }).adminKey).toBe('zx_abcdefghijklmnopqrstuvwxyz012345');
    expect(() => loadConfig({ ZIXLY_ADMIN_KEY: 'admin' })).toThrow(/ZIXLY_ADMIN_KEY must look like zx_/);
  });
});
