import { mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import { randomId } from '../core/ids';
import { runCliProcess } from '../testing/cli-process';
import { flipByteAt } from '../testing/damage-files';

const workDir = mkdtempSync(join(tmpdir(), 'zixly-cli-damage-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let runs = 0;

const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const clientOnboarded = (clientId: string, name: string) => ({ id: randomId(), type: 'ClientOnboarded', data: { clientId, name }, metadata });

/** A data dir whose log holds five clients; the third's name is the marker a test damages. */
async function dataDirWithClients(): Promise<string> {
  const dataDir = join(workDir, `${++runs}`);
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite'), synchronous: 'NORMAL' });
  for (let client = 1; client <= 5; client++) await store.append(`Client-${client}`, [clientOnboarded(String(client), client === 3 ? 'MARKER-Three-Ltd' : `Client ${client}`)]);
  await store.close();
  return dataDir;
}

describe('zixly on a damaged event log', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await dataDirWithClients();
    flipByteAt(join(dataDir, 'events.sqlite'), 'MARKER-Three-Ltd');
  });

  it('exports every other event, then names the damaged one and exits 1', async () => {
    const exportFile = join(dataDir, 'export.ndjson');
    const { code, stderr } = await runCliProcess(['events', 'export'], { env: { DATA_DIR: dataDir }, stdoutFile: exportFile });

    const streams = readFileSync(exportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line).stream);
    expect(streams).toEqual(['Client-1', 'Client-2', 'Client-4', 'Client-5']);
    expect(stderr).toContain('exported 4 events\nskipped 1 damaged event (run zixly events verify):\n  Client-3 revision 0 (position 3, ClientOnboarded): checksum mismatch\n');
    expect(code).toBe(1);
  });

  it('verifies the whole log, naming the damaged event, with exit code 1', async () => {
    const { code, stdout, stderr } = await runCliProcess(['events', 'verify'], { env: { DATA_DIR: dataDir } });

    expect(stdout).toBe('damaged: Client-3 revision 0 (position 3, ClientOnboarded): checksum mismatch\n');
    expect(stderr).toContain('checked 5 events');
    expect(code).toBe(1);
  });

  it('lists the projections instead of crashing', async () => {
    const { code, stdout } = await runCliProcess(['projections', 'list'], { env: { DATA_DIR: dataDir } });

    expect(stdout).toContain('clients');
    expect(code).toBe(0);
  });
});

describe('zixly events verify on a sound log', () => {
  it('exits 0 and says none is damaged', async () => {
    const dataDir = await dataDirWithClients();

    const { code, stdout, stderr } = await runCliProcess(['events', 'verify'], { env: { DATA_DIR: dataDir } });

    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain('checked 5 events in');
    expect(stderr).toContain('none damaged');
  });
});

describe('zixly projections list on a damaged read-model file', () => {
  it('names the problem and how to repair it instead of crashing', async () => {
    const dataDir = await dataDirWithClients();
    const readStore = await openSqliteReadStore({ path: join(dataDir, 'read-models.sqlite') });
    await readStore.commit('clients', Array.from({ length: 500 }, (_, index) => ({ id: `c${index}`, position: 1n, document: { _id: `c${index}`, name: 'x'.repeat(200) } })), {
      projection: 'clients', version: 1, collection: 'clients', position: 1n, failure: null, updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await readStore.close();
    truncateSync(join(dataDir, 'read-models.sqlite'), 20_000);

    const { code, stderr } = await runCliProcess(['projections', 'list'], { env: { DATA_DIR: dataDir } });

    expect(stderr).toMatch(/read-models\.sqlite is (malformed database \(SQLITE_CORRUPT\)|unreadable).*start the server \(zixly serve\) to set it aside and rebuild the read models from the log/);
    expect(code).toBe(1);
  });
});
