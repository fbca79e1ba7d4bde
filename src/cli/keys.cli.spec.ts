import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { systemClock } from '../core/time';
import { ApiKeys } from '../schema/auth/api-keys.service';
import { runCliProcess } from '../testing/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-cli-keys-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const zixly = (...args: string[]) => runCliProcess(args, { env: { DATA_DIR: dataDir } });

/** What the server would make of a bearer secret, from the same store. */
async function authenticate(secret: string): Promise<unknown> {
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  const keys = new ApiKeys(store, systemClock);
  await keys.start();
  try {
    return keys.authenticate(secret);
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await keys.stop();
    await store.close();
  }
}

describe('zixly keys', () => {
  let secret = '';
  let keyId = '';

  it('creates a key, printing only its secret on stdout, once', async () => {
    const { code, stdout, stderr } = await zixly('keys', 'create', 'grafana', '--role', 'VIEWER');

    expect(code).toBe(0);
    expect(stdout).toMatch(/^zx_[A-Za-z0-9_-]{24,}\n$/);
    secret = stdout.trim();
    keyId = /\(([0-9a-f-]{36})\)/.exec(stderr)![1]!;
    expect(stderr).toContain('Created VIEWER key "grafana"');
    expect(await authenticate(secret)).toEqual({ keyId, name: 'grafana', role: 'VIEWER' });
  });

  it('lists keys with their role and no secret', async () => {
    const { code, stdout } = await zixly('keys', 'list', '--json');

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ keyId, name: 'grafana', role: 'VIEWER', createdAt: expect.any(String), revokedAt: null }]);
    expect(stdout).not.toContain(secret);
  });

  it('revokes a key, after which the server refuses its secret', async () => {
    const revoked = await zixly('keys', 'revoke', keyId);
    const listed = await zixly('keys', 'list');

    expect(revoked.code).toBe(0);
    expect(await authenticate(secret)).toBe('auth.revoked_key');
    expect(listed.stdout).toMatch(new RegExp(`${keyId} +VIEWER +grafana +\\S+ +\\d{4}-\\d\\d-\\d\\dT`));
  });

  it('fails with exit code 1 and the reason for a key that does not exist', async () => {
    const { code, stderr } = await zixly('keys', 'revoke', '00000000-0000-4000-8000-000000000000');

    expect(code).toBe(1);
    expect(stderr).toBe('zixly keys revoke: No API key 00000000-0000-4000-8000-000000000000\n');
  });
});
