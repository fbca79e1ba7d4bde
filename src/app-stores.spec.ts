import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventStore, openReadStore } from './app-stores';
import { loadConfig } from './config';
import { randomId } from './core/ids';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the embedded stores on disk', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the data directory and every database file (WAL and SHM too) to their owner: 0700 and 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'zixly-modes-'));
    dirs.push(parent);
    const dataDir = join(parent, 'data');
    const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });

    const { store } = await openEventStore(config);
    const { readStore: reads } = await openReadStore(config, { repair: true });
    await store.append(`Audit-${randomId()}`, [{ id: randomId(), type: 'NoteTaken', data: {}, metadata: { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' } }]);
    const files = ['events.sqlite', 'events.sqlite-wal', 'events.sqlite-shm', 'read-models.sqlite'].map((name) => join(dataDir, name)).filter((path) => existsSync(path));
    const modes = Object.fromEntries(files.map((path) => [path.slice(dataDir.length + 1), modeOf(path).toString(8)]));
    await store.close();
    await reads.close();

    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'read-models.sqlite']));
    expect(Object.values(modes).every((mode) => mode === '600')).toBe(true);
  });

  it('narrows files an older build left readable by others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zixly-modes-'));
    dirs.push(dataDir);
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'events.sqlite'), '', { mode: 0o644 });

    const { store } = await openEventStore(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }));
    await store.close();

    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(join(dataDir, 'events.sqlite')).toString(8)).toBe('600');
  });
});
