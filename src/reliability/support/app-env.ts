import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';

/** A temp DATA_DIR and an admin key for one product instance; `remove` deletes the files. */
export interface AppFiles {
  readonly dataDir: string;
  readonly adminKey: string;
  remove(): void;
}

export function appFiles(prefix = 'zixly-reliability-'): AppFiles {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  return { dataDir, adminKey: `zx_reliability_${randomBytes(16).toString('hex')}`, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * The environment of a product instance as an operator configures it: embedded stores in
 * DATA_DIR, every tool's webhook secret, an admin key. Retries are quick so "not yet" deliveries
 * (an e-mail open before its lead) converge within the test's time.
 */
export function appEnv(files: AppFiles, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: files.dataDir,
    PORT: '0',
    ZIXLY_ADMIN_KEY: files.adminKey,
    LOG_LEVEL: 'warn',
    WEBHOOK_RETRY_BASE_MS: '200',
    WORKFLOWS_ENABLED: 'false',
    // Embedded unless a scenario says otherwise: the runner's own MONGODB_URL / EVENTSTORE_URL
    // (set by .ci/run for the adapters' contract suites) must not leak into the app under test.
    MONGODB_URL: '',
    EVENTSTORE_URL: '',
    ...secretEnv(),
    ...extra,
  };
}
