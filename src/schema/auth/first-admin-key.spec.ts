import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../../app';
import { loadConfig } from '../../config';

describe('the first start without any key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zixly-first-key-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL' });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates one ADMIN key, saves its secret for the owner only, and creates none on the next start', async () => {
    const first = await startApp(config);
    await first.stop();
    const path = join(dataDir, 'admin-key.txt');
    const secret = readFileSync(path, 'utf8').trim();
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const second = await startApp(config);
    try {
      const response = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ apiKeys { nodes { name role } } }' }),
      });
      expect(await response.json()).toEqual({ data: { apiKeys: { nodes: [{ name: 'first admin', role: 'ADMIN' }] } } });
    } finally {
      await second.stop();
    }
  });
});
